package ke.baraza.feedback.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ke.baraza.feedback.CaseStatus;
import ke.baraza.feedback.Channel;

/**
 * A complaint, feedback or suggestion. Its reference is public; its description, photos and the
 * reporter's contact are not, and the reporter's secret is kept only as a hash.
 */
@Entity
@Table(name = "feedback_case")
public class FeedbackCase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String reference;
  private String countyCode;
  private Long serviceAreaId;
  private String departmentRef;
  private String wardCode;
  private String description;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  private String language;
  private String reporterPhone;
  private String reporterEmail;
  private String reporterSecretHash;
  private String intakeKey;

  @Enumerated(EnumType.STRING)
  private CaseStatus status;

  private String createdBy;
  private Instant createdAt;
  private Instant updatedAt;

  @Version private long version;

  @ElementCollection
  @CollectionTable(name = "feedback_case_photo", joinColumns = @JoinColumn(name = "case_id"))
  @OrderColumn(name = "position")
  @Column(name = "file_id")
  private List<String> photoIds = new ArrayList<>();

  protected FeedbackCase() {}

  FeedbackCase(
      String reference,
      ServiceArea area,
      CheckedCase checked,
      String secretHash,
      String createdBy,
      Instant now) {
    this.reference = reference;
    this.countyCode = area.countyCode();
    this.serviceAreaId = area.id();
    this.departmentRef = area.departmentRef();
    this.wardCode = checked.wardCode();
    this.description = checked.description();
    this.channel = checked.channel();
    this.language = checked.language().getLanguage();
    this.reporterPhone = checked.phone();
    this.reporterEmail = checked.email();
    this.reporterSecretHash = secretHash;
    this.intakeKey = checked.intakeKey();
    this.status = CaseStatus.RECEIVED;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void addPhoto(String fileId) {
    photoIds.add(fileId);
  }

  public Long id() {
    return id;
  }

  public String reference() {
    return reference;
  }

  public String countyCode() {
    return countyCode;
  }

  public Long serviceAreaId() {
    return serviceAreaId;
  }

  /** The department the case was routed to on intake, or null when its area had none. */
  public String departmentRef() {
    return departmentRef;
  }

  public String wardCode() {
    return wardCode;
  }

  /** Private: the reporter and the county's officers only. */
  public String description() {
    return description;
  }

  public Channel channel() {
    return channel;
  }

  public Locale language() {
    return Locale.forLanguageTag(language);
  }

  /** Private: E.164, or null. */
  public String reporterPhone() {
    return reporterPhone;
  }

  /** Private: lower case, or null. */
  public String reporterEmail() {
    return reporterEmail;
  }

  String reporterSecretHash() {
    return reporterSecretHash;
  }

  public String intakeKey() {
    return intakeKey;
  }

  public CaseStatus status() {
    return status;
  }

  /** The public id of the staff member who typed the case in, or null. */
  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** Public ids of the photos in the FileStore, in upload order; never served publicly. */
  public List<String> photoIds() {
    return List.copyOf(photoIds);
  }
}
