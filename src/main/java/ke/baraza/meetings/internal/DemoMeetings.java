package ke.baraza.meetings.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.BodyRef;
import ke.baraza.meetings.MeetingKind;
import ke.baraza.meetings.Recurrence;
import ke.baraza.meetings.Visibility;
import ke.baraza.shared.PublicId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code --demo}, after the directory's demo networks: the meetings the seeds describe for them —
 * MCCN's monthly coordination meeting and a training on budget audits, fundraising and resource
 * mobilisation (seed 000), KCOP's quarterly meeting, the SEK mechanism's monthly meetings and its
 * onboarding workshop of January 2021 (seed 003), and public forums on Kakamega's OGP action plan
 * (seed 004). Dates are set from today so that the calendar has something coming; venues are
 * generic. Never loaded unless asked, and only once.
 */
@Component
@Order(110)
class DemoMeetings implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoMeetings.class);
  private static final String MARK = "(Demo data)";

  private final DirectoryApi directory;
  private final Organisers organisers;
  private final Meetings meetings;
  private final AgendaItems agenda;
  private final JdbcClient jdbc;
  private final java.time.Clock clock;

  DemoMeetings(
      DirectoryApi directory,
      Organisers organisers,
      Meetings meetings,
      AgendaItems agenda,
      JdbcClient jdbc,
      java.time.Clock clock) {
    this.directory = directory;
    this.organisers = organisers;
    this.meetings = meetings;
    this.agenda = agenda;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!args.containsOption("demo")) {
      return;
    }
    Optional<Organiser> mccn = body("016", "MCCN");
    if (mccn.isEmpty()) {
      log.info("No demo networks: no demo meetings");
      return;
    }
    if (loaded(mccn.get())) {
      log.info("Demo meetings are loaded already");
      return;
    }
    LocalDate today = MeetingTimes.today(clock);
    LocalDate nextMonth = today.plusMonths(1).withDayOfMonth(1);
    LocalDate firstTuesday = nextMonth.with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));

    series(
        mccn.get(),
        MeetingKind.COORDINATION_MEETING,
        "MCCN monthly coordination meeting",
        "Monthly meeting of the network's members: updates from the ward CBOs and their groups,"
            + " and follow-up of the budget audits.",
        "Masinga Sub-County offices",
        at(firstTuesday, 10),
        Duration.ofHours(3),
        Recurrence.MONTHLY,
        6,
        List.of(
            "Updates from the ward CBOs",
            "Follow-up of the county budget audit",
            "Any other business"));
    List<Meeting> training =
        series(
            mccn.get(),
            MeetingKind.TRAINING,
            "Training on budget audits, fundraising and resource mobilisation",
            "Capacity building for member organisations (seed 000).",
            "Yatta Sub-County offices",
            at(today.plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY)), 9),
            Duration.ofHours(7),
            Recurrence.NONE,
            1,
            List.of(
                "Reading a county budget",
                "Social audits",
                "Fundraising and resource mobilisation"));
    jdbc.sql(
            "insert into training (meeting_id, topic, topic_text, updated_at) values (?, ?, null, ?)")
        .params(
            training.getFirst().id(),
            TrainingTopic.BUDGET_ANALYSIS_AND_AUDIT.name(),
            java.sql.Timestamp.from(clock.instant()))
        .update();
    body("037", "KCOP")
        .ifPresent(
            kcop ->
                series(
                    kcop,
                    MeetingKind.COORDINATION_MEETING,
                    "KCOP quarterly members' meeting",
                    "The community of practice reviews its members' work on county governance.",
                    "Kakamega town",
                    at(nextMonth.plusDays(14), 10),
                    Duration.ofHours(3),
                    Recurrence.QUARTERLY,
                    4,
                    List.of("Members' reports", "Participation in the county budget process")));
    body("037", "OGP-SC")
        .ifPresent(
            ogp -> {
              int week = 2;
              for (String place : List.of("Lurambi", "Mumias East", "Malava")) {
                series(
                    ogp,
                    MeetingKind.PUBLIC_FORUM,
                    "Public forum on Kakamega's OGP action plan 2024–2027: " + place,
                    "Residents hear and discuss the commitments of the action plan (seed 004).",
                    place + " Sub-County offices",
                    at(
                        today
                            .plusWeeks(week++)
                            .with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)),
                        10),
                    Duration.ofHours(3),
                    Recurrence.NONE,
                    1,
                    List.of("The action plan's commitments", "Questions and views from residents"));
              }
            });
    for (String county : List.of("015", "017", "006")) {
      body(county, "SEK")
          .ifPresent(
              sek -> {
                series(
                    sek,
                    MeetingKind.WORKSHOP,
                    "County stakeholder onboarding workshop",
                    "The SEK coordination mechanism's onboarding of the county's stakeholders"
                        + " (seed 003).",
                    "County headquarters",
                    at(LocalDate.of(2021, 1, 19), 9),
                    Duration.ofHours(7),
                    Recurrence.NONE,
                    1,
                    List.of("The coordination mechanism", "Joint work plans, CIDP and ADP"));
                series(
                    sek,
                    MeetingKind.COORDINATION_MEETING,
                    "SEK monthly coordination meeting",
                    "USAID implementing partners and the county government coordinate their work"
                        + " (seed 003).",
                    "County headquarters",
                    at(firstTuesday.plusDays(1), 14),
                    Duration.ofHours(2),
                    Recurrence.MONTHLY,
                    3,
                    List.of("Partners' updates by ward", "Joint work plan progress"));
              });
    }
    log.info("Demo meetings loaded");
  }

  private boolean loaded(Organiser organiser) {
    return jdbc.sql("select count(*) from meeting where organiser_ref = ? and description like ?")
            .params(organiser.publicId(), "%" + MARK)
            .query(Integer.class)
            .single()
        > 0;
  }

  private Optional<Organiser> body(String county, String acronym) {
    return directory.bodies(county).stream()
        .filter(b -> acronym.equals(b.acronym()))
        .map(BodyRef::publicId)
        .findFirst()
        .flatMap(organisers::find);
  }

  private static Instant at(LocalDate day, int hour) {
    return ZonedDateTime.of(day, LocalTime.of(hour, 0), MeetingTimes.NAIROBI).toInstant();
  }

  private List<Meeting> series(
      Organiser organiser,
      MeetingKind kind,
      String title,
      String description,
      String venue,
      Instant start,
      Duration length,
      Recurrence recurrence,
      int count,
      List<String> items) {
    Instant now = clock.instant();
    MeetingDetails details =
        new MeetingDetails(
            kind,
            title,
            description + " " + MARK,
            null,
            null,
            venue,
            null,
            start,
            start.plus(length),
            Visibility.PUBLIC);
    String series = count > 1 ? PublicId.next() : null;
    ZonedDateTime first = start.atZone(MeetingTimes.NAIROBI);
    List<Meeting> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant at = first.plusMonths((long) i * recurrence.months()).toInstant();
      Meeting meeting =
          new Meeting(organiser, details.startingAt(at), recurrence, series, null, now);
      if (at.isBefore(now)) {
        meeting.close(now);
      }
      made.add(meeting);
    }
    meetings.saveAll(made);
    for (Meeting m : made) {
      for (int i = 0; i < items.size(); i++) {
        agenda.save(new AgendaItem(m.id(), i + 1, items.get(i), null));
      }
    }
    return made;
  }
}
