package ke.baraza.meetings;

import static ke.baraza.directory.PeopleFixtures.admit;
import static ke.baraza.directory.PeopleFixtures.after;
import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static ke.baraza.meetings.MeetingFixtures.form;
import static ke.baraza.meetings.MeetingFixtures.holderFor;
import static ke.baraza.meetings.MeetingFixtures.meeting;
import static ke.baraza.meetings.MeetingFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.meetings.internal.InvitationMailer;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Mailbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduling meetings (once or monthly), who may, bad input, the agenda, invitations to a body's
 * members and to people, answers through the mailed link, and reminders sent once however many
 * nodes send them.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingsIT {

  static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

  @Autowired JdbcClient jdbc;
  @Autowired InvitationMailer mailer;

  Browser official;
  String network;
  String memberWithMail;
  String memberWithout;
  String outsider;

  @BeforeAll
  void setUp() {
    official = staff(jdbc, "meetings-official", "COUNTY_OFFICIAL", "016");
    network = body(official, "016", "Masinga CSO Network " + n());
    memberWithMail = organisation(official, "016", "Ekalakala Ward CBO " + n(), mail("ekalakala"));
    memberWithout = organisation(official, "016", "Kivaa Youth Group " + n(), null);
    outsider = organisation(official, "016", "Not A Member CBO " + n(), mail("outsider"));
    admit(official, network, memberWithMail);
    admit(official, network, memberWithout);
  }

  @Test
  void aCoordinatorSchedulesAMonthlyMeetingWhoseOccurrencesAreMeetingsOfTheirOwn() {
    Browser coordinator = holderFor(jdbc, "NETWORK_COORDINATOR", "016", network);
    Map<String, String> form = form("Monthly coordination meeting " + n(), "2031-01-31");
    form.put("recurrence", "MONTHLY");
    form.put("occurrences", "3");
    HttpResponse<String> created = schedule(coordinator, network, form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String id = after(created, "/meetings/");

    List<LocalDateTime> starts =
        jdbc
            .sql(
                "select starts_at from meeting where series_id = (select series_id from meeting"
                    + " where public_id = ?) order by starts_at")
            .param(id)
            .query(OffsetDateTime.class)
            .list()
            .stream()
            .map(t -> t.atZoneSameInstant(NAIROBI).toLocalDateTime())
            .toList();
    assertThat(starts)
        .as("the same day of the month, or the month's last day")
        .containsExactly(
            LocalDateTime.parse("2031-01-31T10:00"),
            LocalDateTime.parse("2031-02-28T10:00"),
            LocalDateTime.parse("2031-03-31T10:00"));
    String page = coordinator.follow(created).body();
    assertThat(page)
        .contains(
            "3 meetings are on the calendar",
            form.get("title"),
            "31 January 2031, 10:00–13:00",
            "Coordination meeting",
            "Every month",
            "Masinga Sub-County Hall");
    assertThat(new Browser().get("/meetings/" + id).body())
        .as("a public meeting is public")
        .contains(form.get("title"))
        .doesNotContain("/edit", "Invite the member organisations");
  }

  @Test
  void onlyCountyStaffTheBodysCoordinatorsAndTheOrganisationsEditorsScheduleAndEdit() {
    String organiser = organisation(official, "016", "Yatta Women Forum " + n(), null);
    String otherBody = body(official, "016", "Another Network " + n());
    String bodyMeeting = meeting(official, network, form("Matrix meeting " + n(), "2031-05-05"));

    record Actor(String name, Browser browser, boolean body, boolean organisation) {}
    List<Actor> actors =
        List.of(
            new Actor("county official", official, true, true),
            new Actor("administrator", staff(jdbc, "m-admin", "ADMINISTRATOR", "016"), true, true),
            new Actor(
                "official of another county",
                staff(jdbc, "m-official-047", "COUNTY_OFFICIAL", "047"),
                false,
                false),
            new Actor(
                "coordinator of the body",
                holderFor(jdbc, "NETWORK_COORDINATOR", "016", network),
                true,
                false),
            new Actor(
                "coordinator of another body",
                holderFor(jdbc, "NETWORK_COORDINATOR", "016", otherBody),
                false,
                false),
            new Actor(
                "county-wide coordinator",
                staff(jdbc, "m-coordinator", "NETWORK_COORDINATOR", "016"),
                true,
                false),
            new Actor(
                "editor of the organisation",
                holderFor(jdbc, "ORGANISATION_EDITOR", "016", organiser),
                false,
                true),
            new Actor(
                "editor of a member organisation",
                holderFor(jdbc, "ORGANISATION_EDITOR", "016", memberWithMail),
                false,
                false),
            new Actor("citizen", MeetingFixtures.citizen(), false, false));
    for (Actor actor : actors) {
      assertThat(create(actor.browser(), network))
          .as(actor.name() + " schedules for the body")
          .isEqualTo(actor.body() ? 302 : 403);
      assertThat(create(actor.browser(), organiser))
          .as(actor.name() + " schedules for the organisation")
          .isEqualTo(actor.organisation() ? 302 : 403);
      assertThat(actor.browser().get("/meetings/" + bodyMeeting + "/edit").statusCode())
          .as(actor.name() + " opens the body's meeting to edit")
          .isEqualTo(actor.body() ? 200 : 403);
      Map<String, String> edit = form("Matrix meeting, edited by " + actor.name(), "2031-05-06");
      edit.put("version", version(bodyMeeting));
      assertThat(actor.browser().post("/meetings/" + bodyMeeting, edit).statusCode())
          .as(actor.name() + " edits the body's meeting")
          .isEqualTo(actor.body() ? 302 : 403);
      assertThat(
              actor
                  .browser()
                  .post("/meetings/" + bodyMeeting + "/agenda", Map.of("item", "Matters arising"))
                  .statusCode())
          .as(actor.name() + " keeps the agenda")
          .isEqualTo(actor.body() ? 302 : 403);
    }
    Browser anonymous = new Browser();
    HttpResponse<String> toSignIn = anonymous.get("/meetings/new?organiser=" + network);
    assertThat(toSignIn.statusCode()).isEqualTo(302);
    assertThat(toSignIn.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
    assertThat(anonymous.post("/meetings", Map.of("organiser", network)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void badInputIsRefusedWithAClearMessageAndNothingIsStored() {
    String title = "Refused meeting " + n();
    Map<String, String> endsFirst = form(title, "2031-06-01");
    endsFirst.put("startTime", "14:00");
    endsFirst.put("endTime", "09:00");
    HttpResponse<String> refused = schedule(official, network, endsFirst);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("The meeting must end after it starts.", "value=\"" + title + "\"");

    Map<String, String> everythingWrong = form("X", "31/01/2031");
    everythingWrong.put("kind", "PARTY");
    everythingWrong.put("venue", "");
    everythingWrong.put("online", "javascript:alert(1)");
    everythingWrong.put("ward", "0001");
    everythingWrong.put("visibility", "EVERYONE");
    everythingWrong.put("recurrence", "MONTHLY");
    everythingWrong.put("occurrences", "13");
    HttpResponse<String> wrong = schedule(official, network, everythingWrong);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body())
        .contains(
            "Write a title (2 to 200 characters).",
            "Choose the kind of meeting.",
            "Write an address starting with https:// or http://.",
            "Choose a sub-county or ward of this county",
            "Choose who may see the meeting.",
            "from 2 to 12",
            "Write the date as 2026-03-14 and the time as 10:00.");
    Map<String, String> nowhere = form(title, "2031-06-01");
    nowhere.put("venue", "");
    assertThat(schedule(official, network, nowhere).body())
        .contains("Give a venue, a link to join online, or both.");
    official.get("/meetings/new?organiser=" + network + "&lang=sw");
    Map<String, String> kiswahili = new HashMap<>(endsFirst);
    kiswahili.put("organiser", network);
    assertThat(official.post("/meetings", kiswahili).body())
        .contains("Mkutano lazima uishe baada ya kuanza.");
    official.get("/calendar?lang=en");
    assertThat(count("title = '" + title + "'")).isZero();
    assertThat(schedule(official, "nosuchbody22", form(title, "2031-06-01")).statusCode())
        .isEqualTo(404);

    String id = meeting(official, network, form(title, "2031-06-01"));
    Map<String, String> edit = form(title, "2031-06-01");
    edit.put("endDate", "2031-05-31");
    edit.put("version", version(id));
    official.get("/meetings/" + id + "/edit");
    HttpResponse<String> badEdit = official.post("/meetings/" + id, edit);
    assertThat(badEdit.statusCode()).isEqualTo(400);
    assertThat(badEdit.body()).contains("The meeting must end after it starts.");
    Map<String, String> stale = form(title + " renamed", "2031-06-02");
    stale.put("version", "99");
    assertThat(official.post("/meetings/" + id, stale).statusCode()).isEqualTo(409);
    assertThat(
            jdbc.sql("select starts_at from meeting where public_id = ?")
                .param(id)
                .query(OffsetDateTime.class)
                .single()
                .atZoneSameInstant(NAIROBI)
                .toLocalDateTime())
        .as("unchanged")
        .isEqualTo(LocalDateTime.parse("2031-06-01T10:00"));
  }

  @Test
  void theAgendaKeepsItsOrderAsItemsAreAddedMovedAndRemoved() {
    String id = meeting(official, network, form("Agenda meeting " + n(), "2031-07-07"));
    official.get("/meetings/" + id);
    for (String[] item :
        List.of(
            new String[] {"Opening prayer", ""},
            new String[] {"Matters arising", "Secretary"},
            new String[] {"Joint work plan review", "County lead"})) {
      assertThat(
              official
                  .post(
                      "/meetings/" + id + "/agenda", Map.of("item", item[0], "presenter", item[1]))
                  .statusCode())
          .isEqualTo(302);
    }
    move(id, "Joint work plan review", "up");
    move(id, "Opening prayer", "up"); // already first: nothing changes
    HttpResponse<String> empty = official.post("/meetings/" + id + "/agenda", Map.of("item", " "));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Write the item (2 to 300 characters).");
    assertThat(agenda(id))
        .containsExactly("Opening prayer", "Joint work plan review", "Matters arising");
    String page = official.get("/meetings/" + id).body();
    String remove = itemAction(page, id, "Opening prayer", "remove");
    assertThat(official.post(remove, Map.of()).statusCode()).isEqualTo(302);
    assertThat(agenda(id)).containsExactly("Joint work plan review", "Matters arising");
    assertThat(
            jdbc.sql(
                    "select seq from agenda_item where meeting_id = (select id from meeting where"
                        + " public_id = ?) order by seq")
                .param(id)
                .query(Integer.class)
                .list())
        .containsExactly(1, 2);
    String shown = new Browser().get("/meetings/" + id).body();
    assertThat(shown.indexOf("Joint work plan review"))
        .isLessThan(shown.indexOf("Matters arising"));
    assertThat(shown).contains("County lead").doesNotContain("/agenda/");
  }

  @Test
  void invitationsReachTheActiveMembersAndChosenPeopleWhoAnswerWithoutAnAccount() {
    String personMail = mail("kiswahili-speaker");
    String person =
        MeetingFixtures.person(official, memberWithMail, "Mwikali Kioko " + n(), personMail, "sw");
    String title = "Invited meeting " + n();
    String id = meeting(official, network, form(title, "2031-08-08"));
    official.get("/meetings/" + id);
    HttpResponse<String> invited =
        official.post("/meetings/" + id + "/invitations", Map.of("members", "yes"));
    assertThat(invited.statusCode()).isEqualTo(302);
    assertThat(official.follow(invited).body()).contains("2 invitations are being sent.");
    HttpResponse<String> again =
        official.post("/meetings/" + id + "/invitations", Map.of("members", "yes"));
    assertThat(official.follow(again).body()).contains("Nobody new to invite");
    mailer.sendDue();

    String memberMail = emailOf(memberWithMail);
    MimeMessage invitation = only(memberMail, title);
    String text = Mailbox.text(invitation);
    assertThat(subject(invitation)).contains("Invitation: " + title, "Mwaliko: " + title);
    assertThat(text)
        .contains("Masinga Sub-County Hall", "Friday 8 August 2031, 10:00–13:00", "Ijumaa")
        .contains("/rsvp/");
    assertThat(Mailbox.to(emailOf(outsider)).stream().map(MeetingsIT::subject))
        .as("not a member")
        .noneMatch(s -> s.contains(title));

    String link = Mailbox.lastLink(memberMail, "/rsvp/");
    String token = link.replaceAll(".*/rsvp/", "").replaceAll("\\?.*", "");
    Browser invitee = new Browser();
    HttpResponse<String> rsvp = invitee.get(link);
    assertThat(rsvp.statusCode()).isEqualTo(200);
    assertThat(rsvp.body()).contains(title, "Will you attend?");
    assertThat(rsvp.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(rsvp.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(invitee.post("/rsvp/" + token, Map.of("answer", "YES")).statusCode()).isEqualTo(302);
    OffsetDateTime first = answeredAt(memberWithMail, id);
    assertThat(invitee.post("/rsvp/" + token, Map.of("answer", "YES")).statusCode())
        .as("the same answer again")
        .isEqualTo(302);
    assertThat(answeredAt(memberWithMail, id)).isEqualTo(first);
    assertThat(invitee.get("/rsvp/" + token).body()).contains("Your answer: Yes.");
    assertThat(invitee.post("/rsvp/" + token, Map.of("answer", "PERHAPS")).statusCode())
        .isEqualTo(400);
    invitee.get("/rsvp/" + token);
    assertThat(invitee.post("/rsvp/" + token, Map.of("answer", "MAYBE")).statusCode())
        .isEqualTo(302);
    assertThat(answerOf(memberWithMail, id)).isEqualTo("MAYBE");
    assertThat(new Browser().get("/rsvp/" + "A".repeat(43)).statusCode()).isEqualTo(404);
    assertThat(new Browser().get("/rsvp/short").statusCode()).isEqualTo(404);

    official.get("/meetings/" + id);
    assertThat(
            official
                .post("/meetings/" + id + "/invitations", Map.of("person", "zzzzzzzzzzzz"))
                .statusCode())
        .isEqualTo(400);
    official.get("/meetings/" + id);
    assertThat(official.post("/meetings/" + id + "/invitations", Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(official.get("/meetings/" + id).body())
        .as("people of the members are offered")
        .contains("value=\"" + person + "\"");
    official.post("/meetings/" + id + "/invitations", Map.of("person", person));
    mailer.sendDue();
    MimeMessage toPerson = only(personMail, title);
    assertThat(subject(toPerson)).startsWith("Mwaliko: ").doesNotContain("Invitation:");
    assertThat(Mailbox.text(toPerson)).contains("Utahudhuria?", "?lang=sw");

    String page = official.get("/meetings/" + id).body();
    assertThat(page).contains("Invitations (3)", "Maybe", "No e-mail address");
    assertThat(page).doesNotContain(memberMail, personMail);

    official.post("/meetings/" + id + "/cancel", Map.of());
    invitee.get("/rsvp/" + token);
    HttpResponse<String> late = invitee.post("/rsvp/" + token, Map.of("answer", "NO"));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("This meeting is cancelled.");
    official.get("/meetings/" + id);
    assertThat(
            official
                .post("/meetings/" + id + "/invitations", Map.of("members", "yes"))
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void remindersGoOnceToThoseWhoDidNotDeclineEvenWhenSeveralNodesSendAtOnce() throws Exception {
    String personMail = mail("decliner");
    String person =
        MeetingFixtures.person(official, memberWithMail, "Decliner " + n(), personMail, "en");
    String title = "Reminded meeting " + n();
    String id = meeting(official, network, form(title, "2031-09-09"));
    String cancelledTitle = "Cancelled meeting " + n();
    String cancelled = meeting(official, network, form(cancelledTitle, "2031-09-10"));
    for (String m : List.of(id, cancelled)) {
      official.get("/meetings/" + m);
      official.post("/meetings/" + m + "/invitations", Map.of("members", "yes"));
      official.post("/meetings/" + m + "/invitations", Map.of("person", person));
    }
    mailer.sendDue();
    String declineLink = rsvpLink(only(personMail, title));
    Browser decliner = new Browser();
    decliner.get(declineLink);
    decliner.post(declineLink.replaceAll("\\?.*", ""), Map.of("answer", "NO"));
    official.get("/meetings/" + cancelled);
    official.post("/meetings/" + cancelled + "/cancel", Map.of());

    // the invitations went out long ago, and the meetings are in three hours
    ZonedDateTime start = ZonedDateTime.now(NAIROBI).plusHours(3);
    for (String m : List.of(id, cancelled)) {
      jdbc.sql(
              "update invitation set mailed_at = ? where meeting_id = (select id from meeting"
                  + " where public_id = ?)")
          .params(start.minusDays(10).toOffsetDateTime(), m)
          .update();
      jdbc.sql("update meeting set starts_at = ?, ends_at = ? where public_id = ?")
          .params(start.toOffsetDateTime(), start.plusHours(2).toOffsetDateTime(), m)
          .update();
    }

    ExecutorService nodes = Executors.newFixedThreadPool(4);
    List<Callable<InvitationMailer.Sent>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(mailer::sendDue);
    }
    for (Future<InvitationMailer.Sent> run : nodes.invokeAll(runs)) {
      run.get();
    }
    nodes.shutdown();
    mailer.sendDue();

    String memberMail = emailOf(memberWithMail);
    assertThat(awaitMail(memberMail, m -> subject(m).startsWith("Reminder: " + title)))
        .as("exactly one reminder")
        .hasSize(1);
    assertThat(reminders(memberMail, cancelledTitle)).as("none for a cancelled meeting").isEmpty();
    assertThat(reminders(personMail, title)).as("none after a no").isEmpty();
    MimeMessage reminder = reminders(memberMail, title).get(0);
    assertThat(Mailbox.text(reminder)).contains("A reminder:", title);
    assertThat(new Browser().get(rsvpLink(reminder)).body()).contains(title, "Will you attend?");
    assertThat(
            jdbc.sql(
                    "select count(*) from invitation where reminded_at is null and meeting_id ="
                        + " (select id from meeting where public_id = ?) and (answer is null or"
                        + " answer <> 'NO')")
                .param(id)
                .query(Long.class)
                .single())
        .as("every invitation to the meeting was dealt with, with or without an address")
        .isZero();
  }

  // ---

  private int create(Browser browser, String organiser) {
    HttpResponse<String> response =
        schedule(browser, organiser, form("Matrix " + n(), "2031-05-05"));
    return response.statusCode();
  }

  private String version(String meeting) {
    return jdbc.sql("select version from meeting where public_id = ?")
        .param(meeting)
        .query(Long.class)
        .single()
        .toString();
  }

  private long count(String where) {
    return jdbc.sql("select count(*) from meeting where " + where).query(Long.class).single();
  }

  private List<String> agenda(String meeting) {
    return jdbc.sql(
            "select title from agenda_item where meeting_id = (select id from meeting where"
                + " public_id = ?) order by seq")
        .param(meeting)
        .query(String.class)
        .list();
  }

  private void move(String meeting, String item, String direction) {
    String page = official.get("/meetings/" + meeting).body();
    assertThat(
            official
                .post(itemAction(page, meeting, item, "move"), Map.of("direction", direction))
                .statusCode())
        .isEqualTo(302);
  }

  private String itemAction(String page, String meeting, String item, String action) {
    String itemId =
        jdbc.sql(
                "select public_id from agenda_item where title = ? and meeting_id = (select id"
                    + " from meeting where public_id = ?)")
            .params(item, meeting)
            .query(String.class)
            .single();
    String path = "/meetings/" + meeting + "/agenda/" + itemId + "/" + action;
    assertThat(page).contains("action=\"" + path + "\"");
    return path;
  }

  private String emailOf(String organisation) {
    return jdbc.sql("select email from organisation where public_id = ?")
        .param(organisation)
        .query(String.class)
        .single();
  }

  private String answerOf(String invitee, String meeting) {
    return jdbc.sql(
            "select answer from invitation where invitee_ref = ? and meeting_id = (select id from"
                + " meeting where public_id = ?)")
        .params(invitee, meeting)
        .query(String.class)
        .single();
  }

  private OffsetDateTime answeredAt(String invitee, String meeting) {
    return jdbc.sql(
            "select answered_at from invitation where invitee_ref = ? and meeting_id = (select id"
                + " from meeting where public_id = ?)")
        .params(invitee, meeting)
        .query(OffsetDateTime.class)
        .single();
  }

  private static MimeMessage only(String address, String title) {
    List<MimeMessage> about = awaitMail(address, m -> subject(m).contains(title));
    assertThat(about).as("mail about " + title + " to " + address).hasSize(1);
    return about.get(0);
  }

  /**
   * The messages to {@code address} that match, waiting up to ten seconds for one: the mailer may
   * have been sending them in the background when the test looked.
   */
  private static List<MimeMessage> awaitMail(
      String address, java.util.function.Predicate<MimeMessage> matching) {
    List<MimeMessage> found = List.of();
    for (int i = 0; i < 100 && found.isEmpty(); i++) {
      found = Mailbox.to(address).stream().filter(matching).toList();
      if (found.isEmpty()) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return found;
  }

  /** The answer link in a message: its path and query. */
  private static String rsvpLink(MimeMessage message) {
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("https?://[^/\\s]+(/rsvp/[^\\s]+)")
            .matcher(Mailbox.text(message));
    assertThat(link.find()).as(Mailbox.text(message)).isTrue();
    return link.group(1);
  }

  private static List<MimeMessage> reminders(String address, String title) {
    return Mailbox.to(address).stream()
        .filter(m -> subject(m).startsWith("Reminder: " + title))
        .toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String mail(String who) {
    return AccountFixtures.uniqueEmail(who);
  }
}
