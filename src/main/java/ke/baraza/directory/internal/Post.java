package ke.baraza.directory.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import ke.baraza.directory.PostRole;
import ke.baraza.shared.PublicId;

/**
 * A post a person holds in a body, usually for one of their organisations: "County lead, World
 * Vision, from 2024-03-01". Current from its start date to its end date, both included.
 */
@Entity
@Table(name = "post")
public class Post {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String publicId;
  private Long bodyId;
  private Long personId;
  private Long organisationId;

  @Enumerated(EnumType.STRING)
  private PostRole role;

  private LocalDate startDate;
  private LocalDate endDate;
  private String createdBy;
  private Instant createdAt;
  @Version private long version;

  protected Post() {}

  Post(
      Long bodyId,
      Long personId,
      Long organisationId,
      PostRole role,
      LocalDate startDate,
      LocalDate endDate,
      String createdBy,
      Instant now) {
    this.publicId = PublicId.next();
    this.bodyId = bodyId;
    this.personId = personId;
    this.organisationId = organisationId;
    this.role = role;
    this.startDate = startDate;
    this.endDate = endDate;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  /** Ends the post on {@code day} (its last day); the caller checks it is not before the start. */
  void end(LocalDate day) {
    this.endDate = day;
  }

  public Long id() {
    return id;
  }

  public String publicId() {
    return publicId;
  }

  public Long bodyId() {
    return bodyId;
  }

  public Long personId() {
    return personId;
  }

  /** The organisation the post is held for, or {@code null}. */
  public Long organisationId() {
    return organisationId;
  }

  public PostRole role() {
    return role;
  }

  public LocalDate startDate() {
    return startDate;
  }

  /** The last day of the post, or {@code null} while it runs. */
  public LocalDate endDate() {
    return endDate;
  }
}
