package ke.baraza.meetings.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.meetings.MeetingKind;
import ke.baraza.meetings.Recurrence;
import ke.baraza.meetings.Visibility;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedules, edits and cancels meetings and keeps their agenda. Every write checks {@link
 * MeetingPermissions} against the meeting's organiser.
 */
@Service
public class MeetingService {

  /** The most occurrences one repeating meeting makes at once. */
  public static final int MAX_OCCURRENCES = 12;

  static final int MAX_AGENDA_ITEMS = 50;
  private static final Duration LONGEST = Duration.ofDays(31);

  private final Meetings meetings;
  private final AgendaItems agenda;
  private final Organisers organisers;
  private final MeetingPermissions permissions;
  private final GeographyApi geography;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;

  MeetingService(
      Meetings meetings,
      AgendaItems agenda,
      Organisers organisers,
      MeetingPermissions permissions,
      GeographyApi geography,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx) {
    this.meetings = meetings;
    this.agenda = agenda;
    this.organisers = organisers;
    this.permissions = permissions;
    this.geography = geography;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /** A meeting with its organiser and agenda, as its page shows it. */
  public record MeetingPage(
      Meeting meeting, Organiser organiser, List<AgendaItem> agenda, boolean manage) {}

  /**
   * The organiser with this public id, when the current user may schedule its meetings.
   *
   * @throws UserError 404 for an unknown body or organisation, 403 for someone who may not
   */
  public Organiser organiserToSchedule(String organiserId) {
    Organiser organiser =
        organisers
            .find(organiserId)
            .orElseThrow(() -> UserError.notFound("meeting.organiser.unknown"));
    if (!permissions.mayOrganise(organiser)) {
      throw UserError.forbidden();
    }
    return organiser;
  }

  /** The bodies of a county whose meetings the current user may schedule, by name. */
  public List<Organiser> bodiesToSchedule(String countyCode) {
    return organisers.bodies(countyCode).stream().filter(permissions::mayOrganise).toList();
  }

  /** Whether the current user organises the meetings of this body or organisation. */
  public boolean mayOrganise(String organiserId) {
    return organisers.find(organiserId).map(permissions::mayOrganise).orElse(false);
  }

  /**
   * Schedules a meeting and, when it repeats, its next occurrences (each a meeting of its own, a
   * month or a quarter apart, on the same day of the month where the month has it, else its last
   * day).
   *
   * @return the meetings made, the first one first
   * @throws UserError 404 for an unknown organiser, 403 for someone who may not schedule for it
   * @throws InvalidInput 400 naming each wrong field
   */
  public List<Meeting> create(String organiserId, MeetingForm form) {
    Organiser organiser = organiserToSchedule(organiserId);
    Map<String, String> errors = new LinkedHashMap<>();
    MeetingDetails details = check(form, organiser.countyCode(), errors);
    Recurrence recurrence = parse(Recurrence.class, form.recurrence(), Recurrence.NONE);
    int count = 1;
    if (recurrence == null) {
      errors.put("recurrence", "meeting.recurrence.invalid");
    } else if (recurrence != Recurrence.NONE) {
      count = occurrences(form.occurrences());
      if (count < 2) {
        errors.put("occurrences", "meeting.occurrences.invalid");
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    String series = count > 1 ? PublicId.next() : null;
    Instant now = clock.instant();
    ZonedDateTime first = details.startsAt().atZone(MeetingTimes.NAIROBI);
    List<Meeting> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // from the first date each time, so that 31 January gives 28 February and then 31 March
      Instant start = first.plusMonths((long) i * recurrence.months()).toInstant();
      made.add(new Meeting(organiser, details.startingAt(start), recurrence, series, actor(), now));
    }
    tx.executeWithoutResult(status -> meetings.saveAll(made));
    made.forEach(
        m -> audit.record(actor(), "meetings:meeting-created", m.publicId(), m.countyCode()));
    return made;
  }

  /**
   * Changes one meeting (of a series, this occurrence only).
   *
   * @throws UserError 404 unknown, 403 not its organiser, 409 when someone changed it meanwhile
   * @throws InvalidInput 400 naming each wrong field
   */
  public Meeting update(String meetingId, MeetingForm form, long version) {
    Meeting meeting = find(meetingId);
    requireManage(meeting);
    Map<String, String> errors = new LinkedHashMap<>();
    MeetingDetails details = check(form, meeting.countyCode(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    Meeting saved =
        tx.execute(
            status -> {
              Meeting fresh = meetings.findById(meeting.id()).orElseThrow();
              if (fresh.version() != version) {
                throw UserError.conflict("meeting.changed-meanwhile");
              }
              fresh.change(details, clock.instant());
              return meetings.saveAndFlush(fresh);
            });
    audit.record(actor(), "meetings:meeting-changed", saved.publicId(), saved.countyCode());
    return saved;
  }

  /** Cancels a meeting: it stays on the calendar, marked cancelled, and reminders stop. */
  public void cancel(String meetingId) {
    Meeting meeting = find(meetingId);
    requireManage(meeting);
    tx.executeWithoutResult(
        status -> meetings.findById(meeting.id()).orElseThrow().cancel(clock.instant()));
    audit.record(actor(), "meetings:meeting-cancelled", meeting.publicId(), meeting.countyCode());
  }

  /**
   * Closes a scheduled meeting and its attendance register; a closed or cancelled one stays as it
   * is.
   *
   * @throws UserError 404 unknown, 403 not its organiser
   */
  public void close(String meetingId) {
    Meeting meeting = find(meetingId);
    requireManage(meeting);
    boolean closed =
        Boolean.TRUE.equals(
            tx.execute(
                status -> {
                  Meeting fresh = meetings.lockByPublicId(meeting.publicId()).orElseThrow();
                  if (!fresh.takesAttendance()) {
                    return false;
                  }
                  fresh.close(clock.instant());
                  return true;
                }));
    if (closed) {
      audit.record(actor(), "meetings:meeting-closed", meeting.publicId(), meeting.countyCode());
    }
  }

  /**
   * A meeting's page for the current user.
   *
   * @throws UserError 404 when unknown or not visible to them (a private meeting is not revealed)
   */
  public MeetingPage page(String meetingId) {
    Meeting meeting = find(meetingId);
    Organiser organiser = organisers.of(meeting);
    if (!permissions.maySee(meeting, organiser)) {
      throw UserError.notFound("meeting.unknown");
    }
    return new MeetingPage(
        meeting,
        organiser,
        agenda.findByMeetingIdOrderBySeq(meeting.id()),
        permissions.mayOrganise(organiser));
  }

  /** A meeting its organiser's people are about to edit. */
  public MeetingPage forEditing(String meetingId) {
    MeetingPage page = page(meetingId);
    if (!page.manage()) {
      throw UserError.forbidden();
    }
    return page;
  }

  /**
   * Adds an item at the end of the agenda.
   *
   * @throws InvalidInput 400 for a title of fewer than 2 or more than 300 characters, a presenter
   *     over 200, or a 51st item
   */
  public void addItem(String meetingId, String title, String presenter) {
    forEditing(meetingId); // refused before the input is looked at
    String t = clean(title);
    String p = clean(presenter);
    Map<String, String> errors = new LinkedHashMap<>();
    if (t.length() < 2 || t.length() > 300) {
      errors.put("item", "agenda.title.invalid");
    }
    if (p.length() > 200) {
      errors.put("presenter", "agenda.presenter.invalid");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    changeAgenda(
        meetingId,
        (meeting, items) -> {
          if (items.size() >= MAX_AGENDA_ITEMS) {
            throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("item", "agenda.too-many"));
          }
          agenda.save(new AgendaItem(meeting.id(), items.size() + 1, t, p.isEmpty() ? null : p));
        });
  }

  /** Moves an item one place up or down; at either end nothing changes. */
  public void moveItem(String meetingId, String itemId, boolean up) {
    changeAgenda(
        meetingId,
        (meeting, items) -> {
          int i = indexOf(items, itemId);
          int j = up ? i - 1 : i + 1;
          if (j < 0 || j >= items.size()) {
            return;
          }
          AgendaItem a = items.get(i);
          AgendaItem b = items.get(j);
          int seq = a.seq();
          a.moveTo(b.seq());
          b.moveTo(seq);
        });
  }

  /** Removes an item; those after it move up. */
  public void removeItem(String meetingId, String itemId) {
    changeAgenda(
        meetingId,
        (meeting, items) -> {
          AgendaItem gone = items.remove(indexOf(items, itemId));
          agenda.delete(gone);
          for (int k = 0; k < items.size(); k++) {
            items.get(k).moveTo(k + 1);
          }
        });
  }

  /**
   * The meeting by public id, whoever asks.
   *
   * @throws UserError 404 when unknown
   */
  Meeting find(String publicId) {
    return meetings
        .findByPublicId(publicId == null ? "" : publicId)
        .orElseThrow(() -> UserError.notFound("meeting.unknown"));
  }

  Meeting byId(Long id) {
    return meetings.findById(id).orElseThrow(() -> UserError.notFound("meeting.unknown"));
  }

  /**
   * @throws UserError 403 unless the current user organises the meeting's meetings
   */
  Organiser requireManage(Meeting meeting) {
    Organiser organiser = organisers.of(meeting);
    if (!permissions.mayOrganise(organiser)) {
      throw UserError.forbidden();
    }
    return organiser;
  }

  private interface AgendaChange {
    void apply(Meeting meeting, List<AgendaItem> items);
  }

  /** Runs a change of the agenda with the meeting's row locked, so that changes queue up. */
  private void changeAgenda(String meetingId, AgendaChange change) {
    requireManage(find(meetingId));
    tx.executeWithoutResult(
        status -> {
          Meeting meeting = meetings.lockByPublicId(meetingId).orElseThrow();
          List<AgendaItem> items = new ArrayList<>(agenda.findByMeetingIdOrderBySeq(meeting.id()));
          change.apply(meeting, items);
          meeting.touch(clock.instant());
        });
  }

  private static int indexOf(List<AgendaItem> items, String itemId) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).publicId().equals(itemId)) {
        return i;
      }
    }
    throw UserError.notFound("agenda.unknown");
  }

  /** The form's details, checked; each problem is added to {@code errors}. */
  private MeetingDetails check(MeetingForm form, String countyCode, Map<String, String> errors) {
    String title = clean(form.title());
    if (title.length() < 2 || title.length() > 200) {
      errors.put("title", "meeting.title.invalid");
    }
    MeetingKind kind = parse(MeetingKind.class, form.kind(), null);
    if (kind == null) {
      errors.put("kind", "meeting.kind.invalid");
    }
    String description = form.description() == null ? "" : form.description().strip();
    if (description.length() > 4000) {
      errors.put("description", "meeting.description.invalid");
    }
    Visibility visibility = parse(Visibility.class, form.visibility(), Visibility.PUBLIC);
    if (visibility == null) {
      errors.put("visibility", "meeting.visibility.invalid");
    }
    String subCounty = clean(form.subCounty());
    String wardCode = clean(form.ward());
    if (!wardCode.isEmpty()) {
      Optional<Ward> ward = geography.ward(wardCode).filter(w -> w.countyCode().equals(countyCode));
      if (ward.isEmpty()
          || (!subCounty.isEmpty() && !subCounty.equals(ward.get().subCountyCode()))) {
        errors.put("ward", "meeting.area.invalid");
      } else {
        subCounty = ward.get().subCountyCode();
      }
    } else if (!subCounty.isEmpty()) {
      String chosen = subCounty;
      if (geography.subCounties(countyCode).stream().noneMatch(s -> s.code().equals(chosen))) {
        errors.put("subCounty", "meeting.area.invalid");
      }
    }
    String venue = clean(form.venue());
    if (venue.length() > 300) {
      errors.put("venue", "meeting.venue.invalid");
    }
    String online = clean(form.online());
    if (!online.isEmpty() && !isWebAddress(online)) {
      errors.put("online", "meeting.online.invalid");
    }
    if (venue.isEmpty() && online.isEmpty() && !errors.containsKey("venue")) {
      errors.put("venue", "meeting.place.needed");
    }
    Instant start = at(form.startDate(), form.startTime());
    if (start == null) {
      errors.put("start", "meeting.start.invalid");
    }
    String endDate = clean(form.endDate()).isEmpty() ? form.startDate() : form.endDate();
    Instant end = at(endDate, form.endTime());
    if (end == null) {
      errors.put("end", "meeting.end.invalid");
    } else if (start != null && !end.isAfter(start)) {
      errors.put("end", "meeting.end.before-start");
    } else if (start != null && Duration.between(start, end).compareTo(LONGEST) > 0) {
      errors.put("end", "meeting.end.too-late");
    }
    return new MeetingDetails(
        kind,
        title,
        description.isEmpty() ? null : description,
        subCounty.isEmpty() ? null : subCounty,
        wardCode.isEmpty() ? null : wardCode,
        venue.isEmpty() ? null : venue,
        online.isEmpty() ? null : online,
        start,
        end,
        visibility);
  }

  /** A moment in Kenya time from a date and a time of day, or {@code null} if either is wrong. */
  private static Instant at(String date, String time) {
    try {
      LocalDate day = LocalDate.parse(clean(date));
      LocalTime hour = LocalTime.parse(clean(time));
      if (day.getYear() < 2000 || day.getYear() > 2100) {
        return null;
      }
      return day.atTime(hour).atZone(MeetingTimes.NAIROBI).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isWebAddress(String value) {
    if (value.length() > 500) {
      return false;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null
          && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int occurrences(String value) {
    try {
      int n = Integer.parseInt(clean(value));
      return n >= 2 && n <= MAX_OCCURRENCES ? n : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The constant named {@code value}; {@code fallback} for a blank value, null for a wrong one. */
  static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
    String name = clean(value);
    if (name.isEmpty()) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }

  static String clean(String value) {
    return value == null ? "" : value.strip().replaceAll("\\s+", " ");
  }

  static String actor() {
    return CurrentUser.get().map(SignedInUser::publicId).orElse(null);
  }
}
