package ke.baraza.meetings.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import ke.baraza.meetings.Answer;
import ke.baraza.shared.PublicId;

/**
 * An invitation of an organisation or a person to a meeting, and their answer. The links that
 * answer it are sent by {@link InvitationMailer}, which alone writes the mailing columns.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

  /** Organisations (a body's members) and people are invited. */
  public enum Invitee {
    ORGANISATION,
    PERSON
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String publicId;
  private Long meetingId;

  @Enumerated(EnumType.STRING)
  private Invitee inviteeKind;

  private String inviteeRef;
  private String invitedBy;
  private Instant invitedAt;

  // written only by the mailer's claims: an answer saved meanwhile must not undo them
  @Column(insertable = false, updatable = false)
  private Instant mailedAt;

  @Column(insertable = false, updatable = false)
  private Instant remindedAt;

  @Enumerated(EnumType.STRING)
  private Answer answer;

  private Instant answeredAt;

  protected Invitation() {}

  Invitation(Long meetingId, Invitee kind, String inviteeRef, String invitedBy, Instant now) {
    this.publicId = PublicId.next();
    this.meetingId = meetingId;
    this.inviteeKind = kind;
    this.inviteeRef = inviteeRef;
    this.invitedBy = invitedBy;
    this.invitedAt = now;
  }

  /** Records the answer; the same answer again changes nothing. */
  boolean answer(Answer answer, Instant now) {
    if (answer == this.answer) {
      return false;
    }
    this.answer = answer;
    this.answeredAt = now;
    return true;
  }

  public Long id() {
    return id;
  }

  public String publicId() {
    return publicId;
  }

  public Long meetingId() {
    return meetingId;
  }

  public Invitee inviteeKind() {
    return inviteeKind;
  }

  public String inviteeRef() {
    return inviteeRef;
  }

  public Instant mailedAt() {
    return mailedAt;
  }

  public Instant remindedAt() {
    return remindedAt;
  }

  /** The answer, or {@code null} before any. */
  public Answer answer() {
    return answer;
  }
}
