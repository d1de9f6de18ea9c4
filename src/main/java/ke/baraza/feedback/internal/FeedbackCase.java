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
  private boolean publishConsent;
  private Instant createdAt;
  private Instant updatedAt;
  private String officerRef;
  private String officerName;
  private int escalationLevel;
  private Instant escalatedAt;
  private Instant resolvedAt;
  private Long mergedIntoId;
  private Integer rating;
  private String ratingComment;

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

  /** Records the reporter's consent to list the case in public (given on intake only). */
  void allowPublication() {
    this.publishConsent = true;
  }

  /** Whether the reporter allowed the case to be listed in public. */
  public boolean publishConsent() {
    return publishConsent;
  }

  void addPhoto(String fileId) {
    photoIds.add(fileId);
  }

  /**
   * Moves the case to {@code to} when its status is one of {@code from}.
   *
   * @throws ke.baraza.platform.UserError 409 when the case is elsewhere, or merged into another
   */
  void move(CaseStatus to, Instant now, CaseStatus... from) {
    if (mergedIntoId != null || !java.util.Arrays.asList(from).contains(status)) {
      throw ke.baraza.platform.UserError.conflict("casework.action.not-now");
    }
    status = to;
    updatedAt = now;
    if (to == CaseStatus.RESOLVED) {
      resolvedAt = now;
    }
  }

  /** Routes the case to a department and, optionally, one officer (null: nobody yet). */
  void assign(String departmentRef, String officerRef, String officerName, Instant now) {
    move(
        CaseStatus.ASSIGNED,
        now,
        CaseStatus.RECEIVED,
        CaseStatus.ACKNOWLEDGED,
        CaseStatus.ASSIGNED,
        CaseStatus.IN_PROGRESS);
    this.departmentRef = departmentRef;
    this.officerRef = officerRef;
    this.officerName = officerName;
  }

  /** Closes the case as a duplicate of {@code primary}; its reporter follows the primary. */
  void mergeInto(FeedbackCase primary, Instant now) {
    if (primary.mergedIntoId != null
        || primary.id.equals(id)
        || !primary.countyCode.equals(countyCode)
        || !primary.status.open()) {
      throw ke.baraza.platform.UserError.conflict("casework.merge.invalid");
    }
    move(CaseStatus.CLOSED, now, OPEN);
    mergedIntoId = primary.id;
  }

  /** Keeps the reporter's rating of the resolution, once. */
  void rate(int stars, String comment, Instant now) {
    if (rating != null || (status != CaseStatus.RESOLVED && status != CaseStatus.CLOSED)) {
      throw ke.baraza.platform.UserError.conflict("casework.rate.not-now");
    }
    rating = stars;
    ratingComment = comment.isEmpty() ? null : comment;
    updatedAt = now;
  }

  /** The statuses in which the county still owes the reporter an answer. */
  static final CaseStatus[] OPEN = {
    CaseStatus.RECEIVED, CaseStatus.ACKNOWLEDGED, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS
  };

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

  /** The account public id of the officer the case is assigned to, or null. */
  public String officerRef() {
    return officerRef;
  }

  /** The officer's name when the case was assigned, or null. */
  public String officerName() {
    return officerName;
  }

  /** The rung of the county's escalation ladder the case stands on: 0 for the lowest. */
  public int escalationLevel() {
    return escalationLevel;
  }

  /** When the case was last sent up the ladder, or null. */
  public Instant escalatedAt() {
    return escalatedAt;
  }

  /** When the case was last resolved, or null. */
  public Instant resolvedAt() {
    return resolvedAt;
  }

  /** The id of the case this one was merged into as a duplicate, or null. */
  public Long mergedIntoId() {
    return mergedIntoId;
  }

  /** The reporter's rating, 1 to 5, or null. */
  public Integer rating() {
    return rating;
  }

  /** The reporter's comment with the rating, or null. */
  public String ratingComment() {
    return ratingComment;
  }

  /** Public ids of the photos in the FileStore, in upload order; never served publicly. */
  public List<String> photoIds() {
    return List.copyOf(photoIds);
  }
}
