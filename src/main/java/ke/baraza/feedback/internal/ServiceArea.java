package ke.baraza.feedback.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/**
 * A service area of one county (water, roads, health…): what a complaint is about, the county
 * department it goes to, its SMS keywords and its service charter.
 */
@Entity
@Table(name = "feedback_service_area")
public class ServiceArea {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String publicId;
  private String countyCode;
  private String areaKey;
  private String nameEn;
  private String nameSw;
  private String keywordEn;
  private String keywordSw;
  private String departmentRef;
  private int acknowledgeDays;
  private int resolveDays;
  private int position;
  private boolean active;

  protected ServiceArea() {}

  ServiceArea(String countyCode, String areaKey, int position, ServiceAreaDetails details) {
    this.publicId = countyCode + "-" + areaKey;
    this.countyCode = countyCode;
    this.areaKey = areaKey;
    this.position = position;
    this.active = true;
    apply(details);
  }

  void apply(ServiceAreaDetails details) {
    this.nameEn = details.nameEn();
    this.nameSw = details.nameSw();
    this.keywordEn = details.keywordEn();
    this.keywordSw = details.keywordSw();
    this.departmentRef = details.departmentRef();
    this.acknowledgeDays = details.acknowledgeDays();
    this.resolveDays = details.resolveDays();
  }

  void setActive(boolean active) {
    this.active = active;
  }

  public Long id() {
    return id;
  }

  /** {@code <county>-<key>}, e.g. {@code 016-water}. */
  public String publicId() {
    return publicId;
  }

  public String countyCode() {
    return countyCode;
  }

  public String areaKey() {
    return areaKey;
  }

  public String nameEn() {
    return nameEn;
  }

  public String nameSw() {
    return nameSw;
  }

  /** The name in the reader's language. */
  public String name(Locale locale) {
    return "sw".equals(locale.getLanguage()) ? nameSw : nameEn;
  }

  /** The English SMS keyword, upper case, e.g. {@code WATER}. */
  public String keywordEn() {
    return keywordEn;
  }

  /** The Kiswahili SMS keyword, upper case, e.g. {@code MAJI}. */
  public String keywordSw() {
    return keywordSw;
  }

  /** The public id of the county department cases go to, or null while none is chosen. */
  public String departmentRef() {
    return departmentRef;
  }

  /** Days within which the county promises to acknowledge a case. */
  public int acknowledgeDays() {
    return acknowledgeDays;
  }

  /** Days within which the county promises to resolve a case. */
  public int resolveDays() {
    return resolveDays;
  }

  public int position() {
    return position;
  }

  public boolean active() {
    return active;
  }

  ServiceAreaDetails details() {
    return new ServiceAreaDetails(
        nameEn, nameSw, keywordEn, keywordSw, departmentRef, acknowledgeDays, resolveDays);
  }
}
