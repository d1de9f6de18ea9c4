package ke.baraza.meetings.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ke.baraza.directory.Demographics;
import ke.baraza.directory.Demographics.AgeBand;
import ke.baraza.directory.Demographics.Gender;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.directory.OrganisationSummary;
import ke.baraza.directory.OrganisationType;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.meetings.internal.MeetingService.MeetingPage;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.Contacts;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attendance register of a meeting, kept at the door by those who may edit the meeting, and its
 * disaggregated figures. A person is counted once per meeting; nobody is signed in or out once the
 * meeting is closed or cancelled.
 */
@Service
public class AttendanceService {

  /** How many known people a search at the door shows. */
  public static final int MAX_MATCHES = 30;

  private final MeetingService meetings;
  private final Meetings meetingRows;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final java.time.Clock clock;
  private final TransactionTemplate tx;
  private final JdbcTemplate batch;

  AttendanceService(
      MeetingService meetings,
      Meetings meetingRows,
      DirectoryApi directory,
      GeographyApi geography,
      JdbcClient jdbc,
      AuditLog audit,
      java.time.Clock clock,
      TransactionTemplate tx,
      JdbcTemplate batch) {
    this.batch = batch;
    this.meetings = meetings;
    this.meetingRows = meetingRows;
    this.directory = directory;
    this.geography = geography;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /** Whether a sign-in counted someone new or found them already signed in. */
  public enum Outcome {
    SIGNED_IN,
    ALREADY_SIGNED_IN
  }

  /**
   * One line of the register, for its editors only.
   *
   * @param organisation, role, phone, ward {@code null} when not given
   */
  public record Attendee(
      String publicId,
      String name,
      boolean known,
      String organisation,
      String role,
      String phone,
      String ward,
      Instant signedInAt) {}

  /** A known person found at the door, and whether they are signed in already. */
  public record Match(Contact person, boolean signedIn) {}

  /**
   * The aggregated figures of a meeting: never names or contacts.
   *
   * @param others attendees of another gender or who did not say
   * @param organisationTypes how many attendees came from each type of organisation, most first;
   *     attendees whose organisation's type is unknown are left out
   * @param wards names of the wards represented, by name
   */
  public record Figures(
      int total,
      int women,
      int men,
      int others,
      int youth,
      int withDisability,
      Map<OrganisationType, Integer> organisationTypes,
      List<String> wards) {

    /** Whether women are under one third of those present (the two-thirds gender rule). */
    public boolean womenUnderOneThird() {
      return total > 0 && women * 3 < total;
    }
  }

  /**
   * The meeting, for those who may keep its register.
   *
   * @throws UserError 404 unknown or not visible to them, 403 when they may not edit it
   */
  public MeetingPage register(String meetingId) {
    return meetings.forEditing(meetingId);
  }

  /** The register of the meeting, by name. */
  public List<Attendee> attendees(Meeting meeting) {
    List<Row> rows =
        jdbc.sql(
                "select public_id, person_ref, name, organisation_name, role_title, phone,"
                    + " ward_code, signed_in_at from attendance where meeting_id = ?"
                    + " order by lower(name), id")
            .param(meeting.id())
            .query(Row.class)
            .list();
    Map<String, Ward> wards = geography.wards(wardCodes(rows.stream().map(Row::wardCode).toList()));
    return rows.stream()
        .map(
            r ->
                new Attendee(
                    r.publicId(),
                    r.name(),
                    r.personRef() != null,
                    r.organisationName(),
                    r.roleTitle(),
                    r.phone(),
                    r.wardCode() == null || !wards.containsKey(r.wardCode())
                        ? r.wardCode()
                        : wards.get(r.wardCode()).name(),
                    r.signedInAt().toInstant()))
        .toList();
  }

  private record Row(
      String publicId,
      String personRef,
      String name,
      String organisationName,
      String roleTitle,
      String phone,
      String wardCode,
      Timestamp signedInAt) {}

  /**
   * The known people (of the organiser, or of the body's member organisations) whose name contains
   * the text, by name, at most {@link #MAX_MATCHES}; with blank text the first ones by name.
   */
  public List<Match> search(MeetingPage page, String text) {
    String q = text == null ? "" : normalise(text);
    Set<String> signedIn = new HashSet<>(signedInPeople(page.meeting()));
    return known(page.organiser()).stream()
        .filter(c -> q.isEmpty() || normalise(c.name()).contains(q))
        .limit(MAX_MATCHES)
        .map(c -> new Match(c, signedIn.contains(c.publicId())))
        .toList();
  }

  /** The organisations a walk-in may be from, by name: the body's members or the organiser. */
  public List<Contact> organisations(MeetingPage page) {
    Organiser organiser = page.organiser();
    return organiser.isBody()
        ? directory.activeMembers(organiser.publicId())
        : directory.contacts(List.of(organiser.publicId()));
  }

  /**
   * Signs in a known person of the organiser's (or the body's member organisations') people.
   *
   * @throws UserError 404 for someone who is not among them, 409 once the meeting is closed or
   *     cancelled, 403 for someone who may not edit the meeting
   */
  public Outcome signInPerson(String meetingId, String personId) {
    MeetingPage page = register(meetingId);
    Contact person =
        known(page.organiser()).stream()
            .filter(c -> c.publicId().equals(personId))
            .findFirst()
            .orElseThrow(() -> UserError.notFound("attendance.person.unknown"));
    OrganisationSummary organisation = organisationOf(page, person);
    Demographics told = directory.demographics(person.publicId());
    Entry entry =
        new Entry(
            "person:" + person.publicId(),
            person.publicId(),
            person.name(),
            organisation == null ? null : organisation.publicId(),
            organisation == null ? person.organisationName() : organisation.name(),
            organisation == null ? null : organisation.type(),
            null,
            null,
            null,
            told.gender(),
            told.ageBand(),
            told.disability());
    return add(page.meeting(), entry);
  }

  /**
   * Signs in a walk-in.
   *
   * @throws InvalidInput 400 naming each wrong field: a name of fewer than 2 or more than 200
   *     characters, an organisation or role over 200, a phone that is not Kenyan, a ward outside
   *     the meeting's county, an unknown organisation id, or gender, age band or disability without
   *     the consent tick
   * @throws UserError 409 once the meeting is closed or cancelled, 403 for someone who may not edit
   *     the meeting
   */
  public Outcome signInWalkIn(String meetingId, WalkInForm form) {
    MeetingPage page = register(meetingId);
    Meeting meeting = page.meeting();
    requireOpen(meeting);
    Map<String, String> errors = new LinkedHashMap<>();
    Entry entry = walkIn(meeting, form, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    return add(meeting, entry);
  }

  /**
   * A walk-in's line of the register, checked by the rules of {@link #signInWalkIn}: each wrong
   * field is put into {@code errors} (field name to message key), and then the line is {@code
   * null}.
   */
  Entry walkIn(Meeting meeting, WalkInForm form, Map<String, String> errors) {
    String name = clean(form.name());
    if (name.length() < 2 || name.length() > 200) {
      errors.put("name", "attendance.name.invalid");
    }
    String organisationName = clean(form.organisation());
    OrganisationSummary organisation = null;
    if (!clean(form.organisationId()).isEmpty()) {
      organisation = directory.organisation(clean(form.organisationId())).orElse(null);
      if (organisation == null) {
        errors.put("organisationId", "attendance.organisation.unknown");
      } else {
        organisationName = organisation.name();
      }
    } else if (organisationName.length() > 200) {
      errors.put("organisation", "attendance.organisation.invalid");
    }
    String role = clean(form.role());
    if (role.length() > 200) {
      errors.put("role", "attendance.role.invalid");
    }
    String phone = null;
    if (!clean(form.phone()).isEmpty()) {
      phone = Contacts.kenyanPhone(form.phone()).orElse(null);
      if (phone == null) {
        errors.put("phone", "attendance.phone.invalid");
      }
    }
    String ward = clean(form.ward());
    if (!ward.isEmpty()
        && !geography
            .ward(ward)
            .map(w -> w.countyCode().equals(meeting.countyCode()))
            .orElse(false)) {
      errors.put("ward", "attendance.ward.invalid");
    }
    Gender gender = parse(Gender.class, form.gender(), "gender", errors);
    AgeBand ageBand = parse(AgeBand.class, form.ageBand(), "ageBand", errors);
    String disabilityText = clean(form.disability());
    Boolean disability =
        switch (disabilityText) {
          case "" -> null;
          case "yes" -> true;
          case "no" -> false;
          default -> {
            errors.put("disability", "attendance.disability.invalid");
            yield null;
          }
        };
    boolean told = gender != null || ageBand != null || disability != null;
    if (told && !"yes".equals(clean(form.consent()))) {
      errors.put("consent", "attendance.consent.needed");
    }
    if (!errors.isEmpty()) {
      return null;
    }
    String key =
        phone != null
            ? "phone:" + phone
            : "name:" + normalise(name) + "|" + normalise(organisationName);
    return new Entry(
        key,
        null,
        name,
        organisation == null ? null : organisation.publicId(),
        organisationName.isEmpty() ? null : organisationName,
        organisation == null ? null : organisation.type(),
        role.isEmpty() ? null : role,
        phone,
        ward.isEmpty() ? null : ward,
        gender,
        ageBand,
        disability);
  }

  /**
   * Removes a line signed in by mistake.
   *
   * @throws UserError 404 for an unknown line, 409 once the meeting is closed or cancelled, 403 for
   *     someone who may not edit the meeting
   */
  public void remove(String meetingId, String attendeeId) {
    Meeting meeting = register(meetingId).meeting();
    tx.executeWithoutResult(
        status -> {
          requireOpen(meetingRows.lockByPublicId(meeting.publicId()).orElseThrow());
          int gone =
              jdbc.sql("delete from attendance where meeting_id = ? and public_id = ?")
                  .params(meeting.id(), attendeeId == null ? "" : attendeeId)
                  .update();
          if (gone == 0) {
            throw UserError.notFound("attendance.unknown");
          }
        });
    audit.record(
        MeetingService.actor(),
        "meetings:attendance-removed",
        meeting.publicId(),
        meeting.countyCode());
  }

  /** The meeting's figures, in two queries whatever the number of attendees. */
  public Figures figures(Meeting meeting) {
    record Line(
        String gender,
        String ageBand,
        Boolean disability,
        String organisationType,
        String wardCode) {}
    List<Line> lines =
        jdbc.sql(
                "select gender, age_band, disability, organisation_type, ward_code"
                    + " from attendance where meeting_id = ?")
            .param(meeting.id())
            .query(Line.class)
            .list();
    int women = 0;
    int men = 0;
    int youth = 0;
    int disabled = 0;
    Map<OrganisationType, Integer> types = new EnumMap<>(OrganisationType.class);
    for (Line l : lines) {
      if (Gender.FEMALE.name().equals(l.gender())) {
        women++;
      } else if (Gender.MALE.name().equals(l.gender())) {
        men++;
      }
      if (l.ageBand() != null && AgeBand.valueOf(l.ageBand()).youth()) {
        youth++;
      }
      if (Boolean.TRUE.equals(l.disability())) {
        disabled++;
      }
      if (l.organisationType() != null) {
        types.merge(OrganisationType.valueOf(l.organisationType()), 1, Integer::sum);
      }
    }
    Map<OrganisationType, Integer> byCount = new LinkedHashMap<>();
    types.entrySet().stream()
        .sorted(Map.Entry.<OrganisationType, Integer>comparingByValue().reversed())
        .forEach(e -> byCount.put(e.getKey(), e.getValue()));
    List<String> wards =
        geography.wards(wardCodes(lines.stream().map(Line::wardCode).toList())).values().stream()
            .map(Ward::name)
            .sorted(Comparator.comparing(String::toString, String.CASE_INSENSITIVE_ORDER))
            .toList();
    int total = lines.size();
    return new Figures(total, women, men, total - women - men, youth, disabled, byCount, wards);
  }

  /** A line of the register as it is stored; {@code key} counts the attendee once. */
  record Entry(
      String key,
      String personRef,
      String name,
      String organisationRef,
      String organisationName,
      OrganisationType organisationType,
      String role,
      String phone,
      String wardCode,
      Gender gender,
      AgeBand ageBand,
      Boolean disability) {}

  /** Adds the line under a lock on the meeting, so that sign-ins and closing queue up. */
  private Outcome add(Meeting meeting, Entry e) {
    Outcome outcome =
        tx.execute(
            status -> {
              requireOpen(meetingRows.lockByPublicId(meeting.publicId()).orElseThrow());
              boolean there =
                  jdbc.sql(
                              "select count(*) from attendance where meeting_id = ? and attendee_key"
                                  + " = ?")
                          .params(meeting.id(), e.key())
                          .query(Integer.class)
                          .single()
                      > 0;
              if (there) {
                return Outcome.ALREADY_SIGNED_IN;
              }
              insert(meeting, e);
              return Outcome.SIGNED_IN;
            });
    if (outcome == Outcome.SIGNED_IN) {
      audit.record(
          MeetingService.actor(),
          "meetings:attendance-signed-in",
          meeting.publicId(),
          meeting.countyCode());
    }
    return outcome;
  }

  private static final String INSERT =
      "insert into attendance (public_id, meeting_id, attendee_key, person_ref,"
          + " name, organisation_ref, organisation_name, organisation_type,"
          + " role_title, phone, ward_code, gender, age_band, disability,"
          + " signed_in_by, signed_in_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private void insert(Meeting meeting, Entry e) {
    jdbc.sql(INSERT).params(row(meeting, e)).update();
  }

  private Object[] row(Meeting meeting, Entry e) {
    return new Object[] {
      PublicId.next(),
      meeting.id(),
      e.key(),
      e.personRef(),
      e.name(),
      e.organisationRef(),
      e.organisationName(),
      e.organisationType() == null ? null : e.organisationType().name(),
      e.role(),
      e.phone(),
      e.wardCode(),
      e.gender() == null ? null : e.gender().name(),
      e.ageBand() == null ? null : e.ageBand().name(),
      e.disability(),
      MeetingService.actor(),
      Timestamp.from(clock.instant())
    };
  }

  private List<String> signedInPeople(Meeting meeting) {
    return jdbc.sql(
            "select person_ref from attendance where meeting_id = ? and person_ref is not null")
        .param(meeting.id())
        .query(String.class)
        .list();
  }

  /** The people of the organiser, or of the body's active member organisations, by name. */
  private List<Contact> known(Organiser organiser) {
    List<String> organisations =
        organiser.isBody()
            ? directory.activeMembers(organiser.publicId()).stream().map(Contact::publicId).toList()
            : List.of(organiser.publicId());
    return directory.peopleOf(organisations);
  }

  /** The person's organisation among the meeting's, matched by name; {@code null} if none. */
  private OrganisationSummary organisationOf(MeetingPage page, Contact person) {
    if (person.organisationName() == null) {
      return null;
    }
    return organisations(page).stream()
        .filter(o -> o.name().equals(person.organisationName()))
        .findFirst()
        .flatMap(o -> directory.organisation(o.publicId()))
        .orElse(null);
  }

  /**
   * Adds the lines not yet in the register, all under one lock on the meeting; a line whose
   * attendee is already there (or earlier in {@code entries}) is skipped.
   *
   * @return how many lines were added
   * @throws UserError 409 once the meeting is closed or cancelled; then nothing is added
   */
  int addAll(Meeting meeting, List<Entry> entries) {
    int added =
        tx.execute(
            status -> {
              requireOpen(meetingRows.lockByPublicId(meeting.publicId()).orElseThrow());
              Set<String> there =
                  new HashSet<>(
                      jdbc.sql("select attendee_key from attendance where meeting_id = ?")
                          .param(meeting.id())
                          .query(String.class)
                          .list());
              List<Object[]> rows = new java.util.ArrayList<>();
              for (Entry e : entries) {
                if (there.add(e.key())) {
                  rows.add(row(meeting, e));
                }
              }
              batch.batchUpdate(INSERT, rows); // one round trip per batch, not per line
              return rows.size();
            });
    if (added > 0) {
      audit.record(
          MeetingService.actor(),
          "meetings:attendance-imported",
          meeting.publicId(),
          meeting.countyCode());
    }
    return added;
  }

  static void requireOpen(Meeting meeting) {
    if (!meeting.takesAttendance()) {
      throw UserError.conflict(
          meeting.cancelled() ? "attendance.meeting-cancelled" : "attendance.meeting-closed");
    }
  }

  private static Collection<String> wardCodes(List<String> codes) {
    Set<String> set = new TreeSet<>();
    codes.stream().filter(c -> c != null).forEach(set::add);
    return set;
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, Map<String, String> errors) {
    String v = clean(value);
    if (v.isEmpty()) {
      return null;
    }
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      errors.put(field, "attendance." + field + ".invalid");
      return null;
    }
  }

  private static String clean(String value) {
    return value == null ? "" : value.strip().replaceAll("\\s+", " ");
  }

  /** Lower case, single spaces: how names and organisations are compared. */
  static String normalise(String value) {
    return clean(value).toLowerCase(Locale.ROOT);
  }
}
