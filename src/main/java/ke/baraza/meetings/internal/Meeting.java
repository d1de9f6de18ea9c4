package ke.baraza.meetings.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import ke.baraza.meetings.MeetingKind;
import ke.baraza.meetings.MeetingStatus;
import ke.baraza.meetings.Recurrence;
import ke.baraza.meetings.Visibility;
import ke.baraza.shared.PublicId;

/**
 * One meeting of a body or an organisation. Each occurrence of a repeating meeting is a meeting of
 * its own, sharing a series id, so that each keeps its own agenda, invitations and (later)
 * attendance and minutes.
 */
@Entity
@Table(name = "meeting")
public class Meeting {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String publicId;
  private String seriesId;
  private String countyCode;
  private String subCountyCode;
  private String wardCode;
  private String organiserRef;

  @Enumerated(EnumType.STRING)
  private Organiser.Kind organiserKind;

  @Enumerated(EnumType.STRING)
  private MeetingKind kind;

  private String title;
  private String description;
  private String venue;
  private String onlineUrl;
  private Instant startsAt;
  private Instant endsAt;

  @Enumerated(EnumType.STRING)
  private Visibility visibility;

  @Enumerated(EnumType.STRING)
  private MeetingStatus status;

  @Enumerated(EnumType.STRING)
  private Recurrence recurrence;

  private String createdBy;
  private Instant createdAt;
  private Instant updatedAt;
  @Version private long version;

  protected Meeting() {}

  Meeting(
      Organiser organiser,
      MeetingDetails details,
      Recurrence recurrence,
      String seriesId,
      String createdBy,
      Instant now) {
    this.publicId = PublicId.next();
    this.seriesId = seriesId;
    this.countyCode = organiser.countyCode();
    this.organiserRef = organiser.publicId();
    this.organiserKind = organiser.kind();
    this.recurrence = recurrence;
    this.status = MeetingStatus.SCHEDULED;
    this.createdBy = createdBy;
    this.createdAt = now;
    change(details, now);
  }

  /** Takes the validated details of the form. */
  void change(MeetingDetails details, Instant now) {
    this.kind = details.kind();
    this.title = details.title();
    this.description = details.description();
    this.subCountyCode = details.subCountyCode();
    this.wardCode = details.wardCode();
    this.venue = details.venue();
    this.onlineUrl = details.onlineUrl();
    this.startsAt = details.startsAt();
    this.endsAt = details.endsAt();
    this.visibility = details.visibility();
    this.updatedAt = now;
  }

  void cancel(Instant now) {
    this.status = MeetingStatus.CANCELLED;
    this.updatedAt = now;
  }

  /** Closes the meeting and its attendance register. */
  void close(Instant now) {
    this.status = MeetingStatus.CLOSED;
    this.updatedAt = now;
  }

  /** Marks the meeting changed (its agenda, say) so that calendars fetch it again. */
  void touch(Instant now) {
    this.updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public String publicId() {
    return publicId;
  }

  public String seriesId() {
    return seriesId;
  }

  public String countyCode() {
    return countyCode;
  }

  public String subCountyCode() {
    return subCountyCode;
  }

  public String wardCode() {
    return wardCode;
  }

  public String organiserRef() {
    return organiserRef;
  }

  public Organiser.Kind organiserKind() {
    return organiserKind;
  }

  public MeetingKind kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public String venue() {
    return venue;
  }

  public String onlineUrl() {
    return onlineUrl;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public Visibility visibility() {
    return visibility;
  }

  public MeetingStatus status() {
    return status;
  }

  public Recurrence recurrence() {
    return recurrence;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  public boolean cancelled() {
    return status == MeetingStatus.CANCELLED;
  }

  /** Whether people may still be signed in (or out): neither closed nor cancelled. */
  public boolean takesAttendance() {
    return status == MeetingStatus.SCHEDULED;
  }
}
