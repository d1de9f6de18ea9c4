package ke.baraza.meetings.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.meetings.Answer;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.UserError;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations to a meeting (a body's active member organisations, chosen people) and the answers
 * invitees give through the link mailed to them, without an account.
 */
@Service
public class InvitationService {

  private final MeetingService meetings;
  private final Invitations invitations;
  private final AgendaItems agenda;
  private final Organisers organisers;
  private final DirectoryApi directory;
  private final InvitationMailer mailer;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;

  InvitationService(
      MeetingService meetings,
      Invitations invitations,
      AgendaItems agenda,
      Organisers organisers,
      DirectoryApi directory,
      InvitationMailer mailer,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx) {
    this.meetings = meetings;
    this.invitations = invitations;
    this.agenda = agenda;
    this.organisers = organisers;
    this.directory = directory;
    this.mailer = mailer;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /**
   * One invitee as the organiser's page lists them: never their contacts, only whether there is an
   * address to write to.
   *
   * @param answer {@code null} before any answer
   */
  public record Invitee(
      String name,
      Invitation.Invitee kind,
      String organisation,
      Answer answer,
      boolean mailed,
      boolean reachable) {}

  /** What the answer page shows to whoever holds the link. */
  public record Rsvp(
      Meeting meeting, String organiser, String invitee, List<AgendaItem> agenda, Answer answer) {}

  /**
   * Invites every organisation that is an active member of the organising body today; those invited
   * already are left as they are.
   *
   * @return how many were invited now
   * @throws UserError 403 not the organiser, 400 when the organiser is not a body, 409 for a
   *     cancelled or finished meeting
   */
  public int inviteMembers(String meetingId) {
    Meeting meeting = open(meetingId);
    Organiser organiser = organisers.of(meeting);
    if (!organiser.isBody()) {
      throw UserError.badRequest("invitation.not-a-body");
    }
    List<String> members =
        directory.activeMembers(organiser.publicId()).stream().map(Contact::publicId).toList();
    return invite(meeting, Invitation.Invitee.ORGANISATION, members);
  }

  /**
   * Invites people of the directory, of the meeting's county; those invited already are left as
   * they are.
   *
   * @return how many were invited now
   * @throws UserError 400 for no one chosen, or anyone unknown or of another county
   */
  public int invitePeople(String meetingId, Collection<String> personIds) {
    Meeting meeting = open(meetingId);
    Set<String> wanted = new LinkedHashSet<>();
    personIds.forEach(id -> wanted.add(MeetingService.clean(id)));
    wanted.remove("");
    if (wanted.isEmpty() || wanted.size() > 500) {
      throw UserError.badRequest("invitation.people.none");
    }
    List<Contact> found =
        directory.contacts(wanted).stream()
            .filter(c -> c.language() != null) // people have a language, organisations none
            .filter(c -> c.countyCode().equals(meeting.countyCode()))
            .toList();
    if (found.size() != wanted.size()) {
      throw UserError.badRequest("invitation.people.unknown");
    }
    return invite(meeting, Invitation.Invitee.PERSON, List.copyOf(wanted));
  }

  /**
   * The people an organiser may choose from: those of the body's members, or of the organisation.
   */
  public List<Contact> candidates(Meeting meeting, Organiser organiser) {
    List<String> organisations =
        organiser.isBody()
            ? directory.activeMembers(organiser.publicId()).stream().map(Contact::publicId).toList()
            : List.of(organiser.publicId());
    return directory.peopleOf(organisations);
  }

  /** The invitees of a meeting, by name, in three queries whatever their number. */
  public List<Invitee> invitees(Meeting meeting) {
    List<Invitation> all = invitations.findByMeetingIdOrderById(meeting.id());
    Map<String, Contact> contacts = new HashMap<>();
    directory
        .contacts(all.stream().map(Invitation::inviteeRef).toList())
        .forEach(c -> contacts.put(c.publicId(), c));
    List<Invitee> lines = new ArrayList<>();
    for (Invitation i : all) {
      Contact c = contacts.get(i.inviteeRef());
      lines.add(
          new Invitee(
              c == null ? "?" : c.name(),
              i.inviteeKind(),
              c == null ? null : c.organisationName(),
              i.answer(),
              i.mailedAt() != null,
              c != null && c.email() != null));
    }
    lines.sort(java.util.Comparator.comparing(Invitee::name, String.CASE_INSENSITIVE_ORDER));
    return lines;
  }

  /**
   * The invitation a link belongs to.
   *
   * @throws UserError 404 for a link that is wrong or no longer valid
   */
  public Rsvp rsvp(String token) {
    Invitation invitation = byToken(token);
    Meeting meeting = meetings.byId(invitation.meetingId());
    List<Contact> invitee = directory.contacts(List.of(invitation.inviteeRef()));
    return new Rsvp(
        meeting,
        organisers.of(meeting).name(),
        invitee.isEmpty() ? "" : invitee.get(0).name(),
        agenda.findByMeetingIdOrderBySeq(meeting.id()),
        invitation.answer());
  }

  /**
   * Records an answer; giving the same answer again changes nothing.
   *
   * @throws UserError 404 for a wrong link, 409 when the meeting is cancelled or over
   */
  public void answer(String token, Answer answer) {
    if (answer == null) {
      throw UserError.badRequest("rsvp.answer.invalid");
    }
    Invitation found = byToken(token);
    Meeting meeting = meetings.byId(found.meetingId());
    if (meeting.cancelled()) {
      throw UserError.conflict("rsvp.cancelled");
    }
    if (!meeting.endsAt().isAfter(clock.instant())) {
      throw UserError.conflict("rsvp.over");
    }
    boolean changed =
        Boolean.TRUE.equals(
            tx.execute(
                status ->
                    invitations
                        .findById(found.id())
                        .orElseThrow()
                        .answer(answer, clock.instant())));
    if (changed) {
      audit.record(null, "meetings:invitation-answered", meeting.publicId(), meeting.countyCode());
    }
  }

  private int invite(Meeting meeting, Invitation.Invitee kind, List<String> refs) {
    int added;
    try {
      added = addMissing(meeting, kind, refs);
    } catch (DataIntegrityViolationException raced) {
      // the same invitation made at the same moment by another request: the rest is still missing
      added = addMissing(meeting, kind, refs);
    }
    if (added > 0) {
      audit.record(
          MeetingService.actor(), "meetings:invited", meeting.publicId(), meeting.countyCode());
      mailer.soon();
    }
    return added;
  }

  private int addMissing(Meeting meeting, Invitation.Invitee kind, List<String> refs) {
    Integer added =
        tx.execute(
            status -> {
              Set<String> existing = new HashSet<>(invitations.inviteeRefs(meeting.id()));
              List<Invitation> fresh = new ArrayList<>();
              for (String ref : refs) {
                if (existing.add(ref)) {
                  fresh.add(
                      new Invitation(
                          meeting.id(), kind, ref, MeetingService.actor(), clock.instant()));
                }
              }
              invitations.saveAllAndFlush(fresh);
              return fresh.size();
            });
    return added == null ? 0 : added;
  }

  /** A meeting the current user organises, still open to invitations. */
  private Meeting open(String meetingId) {
    Meeting meeting = meetings.find(meetingId);
    meetings.requireManage(meeting);
    if (meeting.cancelled() || !meeting.endsAt().isAfter(clock.instant())) {
      throw UserError.conflict("invitation.closed");
    }
    return meeting;
  }

  private Invitation byToken(String token) {
    if (!Tokens.wellFormed(token)) {
      throw UserError.notFound("rsvp.unknown");
    }
    return invitations
        .findByTokenHash(Tokens.hash(token))
        .orElseThrow(() -> UserError.notFound("rsvp.unknown"));
  }
}
