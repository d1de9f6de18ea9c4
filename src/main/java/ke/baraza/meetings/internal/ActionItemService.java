package ke.baraza.meetings.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.meetings.Visibility;
import ke.baraza.meetings.internal.MeetingService.MeetingPage;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions and action items recorded with a meeting's minutes, "matters arising" on the
 * organiser's later meetings and a body's action tracker. Items are added and removed while the
 * minutes are a draft, by the meeting's organisers; an action's status is changed by them or by the
 * editors of the organisation that owns it. Beyond the organisers, an item is shown only once its
 * minutes are published, and only where its meeting may be seen.
 */
@Service
public class ActionItemService {

  static final int MAX_ITEMS = 100;
  static final int MAX_TRACKED = 500;

  private final MeetingService meetings;
  private final MinutesService minutes;
  private final InvitationService invitations;
  private final Organisers organisers;
  private final MeetingPermissions permissions;
  private final DirectoryApi directory;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;

  ActionItemService(
      MeetingService meetings,
      MinutesService minutes,
      InvitationService invitations,
      Organisers organisers,
      MeetingPermissions permissions,
      DirectoryApi directory,
      JdbcClient jdbc,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx) {
    this.meetings = meetings;
    this.minutes = minutes;
    this.invitations = invitations;
    this.organisers = organisers;
    this.permissions = permissions;
    this.directory = directory;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /**
   * One decision or action item as pages list it.
   *
   * @param ownerName {@code null} for decisions; "?" when the owner left the directory
   * @param due {@code null} for decisions
   * @param overdue an action still pending after its due date (Kenya time)
   * @param mayUpdate whether the current user may change its status
   */
  public record ActionItemLine(
      String publicId,
      String meetingId,
      String meetingTitle,
      Instant meetingStartsAt,
      ActionItemKind kind,
      String text,
      String ownerRef,
      String ownerName,
      LocalDate due,
      ActionItemStatus status,
      boolean overdue,
      boolean mayUpdate) {}

  /** Whom an action may be given to: people and organisations of the directory, by name. */
  public record ActionItemOwners(List<Contact> people, List<Contact> organisations) {}

  /**
   * A body's tracker.
   *
   * @param owners the owners of the items listed before filtering, id to name, by name
   */
  public record ActionTracker(
      Organiser body,
      boolean manage,
      List<ActionItemLine> items,
      Map<String, String> owners,
      boolean truncated) {}

  private record Row(
      Long id,
      String publicId,
      String meetingPublicId,
      String meetingTitle,
      OffsetDateTime startsAt,
      String visibility,
      String organiserRef,
      String kind,
      String text,
      String ownerRef,
      String ownerKind,
      LocalDate dueOn,
      String status,
      String minutesStatus) {}

  private static final String SELECT =
      "select a.id, a.public_id, m.public_id as meeting_public_id, m.title as meeting_title,"
          + " m.starts_at, m.visibility, a.organiser_ref, a.kind, a.text, a.owner_ref,"
          + " a.owner_kind, a.due_on, a.status, n.status as minutes_status"
          + " from action_item a join meeting m on m.id = a.meeting_id"
          + " left join minutes n on n.meeting_id = a.meeting_id";

  /**
   * The decisions and actions of a meeting, in the order they were recorded (two queries). Call it
   * only for someone who may read the minutes.
   */
  public List<ActionItemLine> items(MeetingPage page) {
    List<Row> rows =
        jdbc.sql(SELECT + " where a.meeting_id = ? order by a.id")
            .params(page.meeting().id())
            .query(Row.class)
            .list();
    return lines(rows, page.manage());
  }

  /**
   * The pending actions of the organiser's earlier meetings, as "matters arising" of this one: the
   * items of a meeting appear on the next meeting of the same organiser, and on the ones after it
   * until they are done or dropped. Two queries (and one look-up of members for a members-only
   * meeting).
   */
  public List<ActionItemLine> mattersArising(MeetingPage page) {
    Meeting m = page.meeting();
    List<Row> rows =
        jdbc.sql(
                SELECT
                    + " where a.organiser_ref = ? and a.kind = 'ACTION'"
                    + " and a.status in ('OPEN', 'IN_PROGRESS') and m.starts_at < ?"
                    + " order by a.due_on, a.id")
            .params(m.organiserRef(), MinutesService.utc(m.startsAt()))
            .query(Row.class)
            .list();
    return lines(visible(rows, page.organiser(), page.manage()), page.manage());
  }

  /**
   * The action tracker of a body: its actions across meetings, optionally of one status and one
   * owner, by due date; at most 500. Public; each item shown as on the meeting's pages.
   *
   * @param status a {@link ActionItemStatus} name, or blank for all
   * @param owner an owner's public id, or blank for all
   * @throws UserError 404 for an unknown body
   */
  public ActionTracker tracker(String bodyId, String status, String owner) {
    Organiser body =
        organisers
            .find(bodyId)
            .filter(Organiser::isBody)
            .orElseThrow(() -> UserError.notFound("action.tracker.unknown"));
    boolean manage = permissions.mayOrganise(body);
    ActionItemStatus wanted = MeetingService.parse(ActionItemStatus.class, status, null);
    String ownerRef = MeetingService.clean(owner);
    List<Row> rows =
        jdbc.sql(
                SELECT + " where a.organiser_ref = ? and a.kind = 'ACTION' order by a.due_on, a.id")
            .params(body.publicId())
            .query(Row.class)
            .list();
    List<ActionItemLine> all = lines(visible(rows, body, manage), manage);
    Map<String, String> owners = new LinkedHashMap<>();
    all.stream()
        .sorted(java.util.Comparator.comparing(ActionItemLine::ownerName))
        .forEach(l -> owners.putIfAbsent(l.ownerRef(), l.ownerName()));
    List<ActionItemLine> shown =
        all.stream()
            .filter(l -> wanted == null || l.status() == wanted)
            .filter(l -> ownerRef.isEmpty() || ownerRef.equals(l.ownerRef()))
            .toList();
    return new ActionTracker(
        body,
        manage,
        shown.size() > MAX_TRACKED ? shown.subList(0, MAX_TRACKED) : shown,
        owners,
        shown.size() > MAX_TRACKED);
  }

  /**
   * Whom the meeting's actions may be given to: the people and the member organisations of the
   * organising body (or the organising organisation and its people).
   */
  public ActionItemOwners owners(MeetingPage page) {
    Organiser organiser = page.organiser();
    List<Contact> organisations =
        organiser.isBody()
            ? directory.activeMembers(organiser.publicId())
            : directory.contacts(List.of(organiser.publicId()));
    return new ActionItemOwners(invitations.candidates(page.meeting(), organiser), organisations);
  }

  /**
   * Records a decision (text) or an action (text, owner, due date) with draft minutes.
   *
   * @throws UserError 404/403 as for editing the meeting, 409 once the minutes are approved, 400
   *     past 100 items
   * @throws InvalidInput 400 for text of fewer than 2 or more than 1,000 characters, an owner not
   *     among {@link #owners}, or a missing or malformed due date
   */
  public void add(String meetingId, ActionItemForm form) {
    MeetingPage page = meetings.forEditing(meetingId);
    Meeting meeting = page.meeting();
    Map<String, String> errors = new LinkedHashMap<>();
    ActionItemKind kind = MeetingService.parse(ActionItemKind.class, form.kind(), null);
    if (kind == null) {
      errors.put("kind", "action.kind.invalid");
    }
    String text = MeetingService.clean(form.text());
    if (text.length() < 2 || text.length() > 1000) {
      errors.put("text", "action.text.invalid");
    }
    String owner = null;
    String ownerKind = null;
    LocalDate due = null;
    if (kind == ActionItemKind.ACTION) {
      owner = MeetingService.clean(form.owner());
      ActionItemOwners options = owners(page);
      String chosen = owner;
      if (options.people().stream().anyMatch(c -> c.publicId().equals(chosen))) {
        ownerKind = "PERSON";
      } else if (options.organisations().stream().anyMatch(c -> c.publicId().equals(chosen))) {
        ownerKind = "ORGANISATION";
      } else {
        errors.put("owner", "action.owner.invalid");
      }
      due = date(form.due());
      if (due == null) {
        errors.put("due", "action.due.invalid");
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    String ownerRef = owner;
    String ownerType = ownerKind;
    LocalDate dueOn = due;
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("select id from meeting where id = ? for update")
              .params(meeting.id())
              .query(Long.class)
              .single();
          if (!minutes.draft(meeting)) {
            throw UserError.conflict("minutes.not-draft");
          }
          long count =
              jdbc.sql("select count(*) from action_item where meeting_id = ?")
                  .params(meeting.id())
                  .query(Long.class)
                  .single();
          if (count >= MAX_ITEMS) {
            throw UserError.badRequest("action.too-many", MAX_ITEMS);
          }
          Object now = MinutesService.utc(clock.instant());
          jdbc.sql(
                  "insert into action_item (public_id, meeting_id, organiser_ref, kind, text,"
                      + " owner_ref, owner_kind, due_on, status, created_by, created_at,"
                      + " updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  PublicId.next(),
                  meeting.id(),
                  meeting.organiserRef(),
                  kind.name(),
                  text,
                  ownerRef,
                  ownerType,
                  dueOn,
                  ActionItemStatus.OPEN.name(),
                  MeetingService.actor(),
                  now,
                  MeetingService.actor(),
                  now)
              .update();
        });
    audit.record(
        MeetingService.actor(), "meetings:action-added", meeting.publicId(), meeting.countyCode());
  }

  /**
   * Removes a decision or action of draft minutes.
   *
   * @throws UserError 404 unknown, 409 once the minutes are approved
   */
  public void remove(String meetingId, String itemId) {
    Meeting meeting = meetings.forEditing(meetingId).meeting();
    tx.executeWithoutResult(
        status -> {
          if (!minutes.draft(meeting)) {
            throw UserError.conflict("minutes.not-draft");
          }
          int removed =
              jdbc.sql("delete from action_item where public_id = ? and meeting_id = ?")
                  .params(MeetingService.clean(itemId), meeting.id())
                  .update();
          if (removed == 0) {
            throw UserError.notFound("action.unknown");
          }
        });
  }

  /**
   * Changes an action's status, for the meeting's organisers and the editors of the organisation
   * that owns it (whatever the minutes' status: follow-up goes on after publication).
   *
   * @return the public id of the organiser, for the way back to its tracker
   * @throws UserError 404 unknown (or a decision), 403 for anyone else, 400 for a wrong status
   */
  public String setStatus(String itemId, String status) {
    ActionItemStatus next = MeetingService.parse(ActionItemStatus.class, status, null);
    if (next == null) {
      throw UserError.badRequest("action.status.invalid");
    }
    Row row =
        jdbc.sql(SELECT + " where a.public_id = ? and a.kind = 'ACTION'")
            .params(MeetingService.clean(itemId))
            .query(Row.class)
            .optional()
            .orElseThrow(() -> UserError.notFound("action.unknown"));
    Meeting meeting = meetings.find(row.meetingPublicId());
    Organiser organiser = organisers.of(meeting);
    if (!permissions.mayOrganise(organiser) && !ownerEditor(row)) {
      throw UserError.forbidden();
    }
    jdbc.sql(
            "update action_item set status = ?, updated_by = ?, updated_at = ?,"
                + " reminded_at = null where id = ?")
        .params(next.name(), MeetingService.actor(), MinutesService.utc(clock.instant()), row.id())
        .update();
    audit.record(
        MeetingService.actor(),
        "meetings:action-status-changed",
        meeting.publicId(),
        meeting.countyCode());
    return row.organiserRef();
  }

  /** The rows the current user may see, for an organiser they do not (or do) organise. */
  private List<Row> visible(List<Row> rows, Organiser organiser, boolean manage) {
    if (manage) {
      return rows;
    }
    Optional<SignedInUser> user = CurrentUser.get();
    boolean member =
        user.isPresent()
            && organiser.isBody()
            && rows.stream().anyMatch(r -> Visibility.MEMBERS.name().equals(r.visibility()))
            && directory.activeMembers(organiser.publicId()).stream()
                .anyMatch(m -> user.get().holdsFor(Role.ORGANISATION_EDITOR, m.publicId()));
    return rows.stream()
        .filter(r -> MinutesStatus.PUBLISHED.name().equals(r.minutesStatus()))
        .filter(
            r ->
                Visibility.PUBLIC.name().equals(r.visibility())
                    || (member && Visibility.MEMBERS.name().equals(r.visibility())))
        .toList();
  }

  /** The rows as lines, owners named with one look-up in the directory. */
  private List<ActionItemLine> lines(List<Row> rows, boolean manage) {
    Map<String, String> names = new HashMap<>();
    List<String> refs = rows.stream().map(Row::ownerRef).filter(r -> r != null).distinct().toList();
    if (!refs.isEmpty()) {
      directory.contacts(refs).forEach(c -> names.put(c.publicId(), c.name()));
    }
    LocalDate today = LocalDate.now(clock.withZone(MeetingTimes.NAIROBI));
    List<ActionItemLine> lines = new ArrayList<>();
    for (Row r : rows) {
      ActionItemStatus status = ActionItemStatus.valueOf(r.status());
      lines.add(
          new ActionItemLine(
              r.publicId(),
              r.meetingPublicId(),
              r.meetingTitle(),
              r.startsAt().toInstant(),
              ActionItemKind.valueOf(r.kind()),
              r.text(),
              r.ownerRef(),
              r.ownerRef() == null ? null : names.getOrDefault(r.ownerRef(), "?"),
              r.dueOn(),
              status,
              r.dueOn() != null && status.pending() && r.dueOn().isBefore(today),
              r.ownerRef() != null && (manage || ownerEditor(r))));
    }
    return lines;
  }

  private static boolean ownerEditor(Row row) {
    return "ORGANISATION".equals(row.ownerKind())
        && CurrentUser.get()
            .map(u -> u.holdsFor(Role.ORGANISATION_EDITOR, row.ownerRef()))
            .orElse(false);
  }

  private static LocalDate date(String value) {
    try {
      LocalDate d = LocalDate.parse(MeetingService.clean(value));
      return d.getYear() < 2000 || d.getYear() > 2100 ? null : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
