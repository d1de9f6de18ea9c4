package ke.baraza.directory.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/** A thematic area of one county, such as health or climate change, in both languages. */
@Entity
@Table(name = "thematic_area")
public class ThematicArea {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String publicId;
  private String countyCode;
  private String themeKey;
  private String nameEn;
  private String nameSw;
  private boolean active;

  protected ThematicArea() {}

  ThematicArea(String countyCode, String themeKey, String nameEn, String nameSw) {
    this.publicId = countyCode + "-" + themeKey;
    this.countyCode = countyCode;
    this.themeKey = themeKey;
    this.nameEn = nameEn;
    this.nameSw = nameSw;
    this.active = true;
  }

  void rename(String nameEn, String nameSw) {
    this.nameEn = nameEn;
    this.nameSw = nameSw;
  }

  void setActive(boolean active) {
    this.active = active;
  }

  public Long id() {
    return id;
  }

  public String publicId() {
    return publicId;
  }

  public String countyCode() {
    return countyCode;
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

  public boolean active() {
    return active;
  }
}
