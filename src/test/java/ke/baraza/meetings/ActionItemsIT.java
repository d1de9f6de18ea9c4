package ke.baraza.meetings;

import static ke.baraza.directory.PeopleFixtures.admit;
import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static ke.baraza.meetings.MeetingFixtures.citizen;
import static ke.baraza.meetings.MeetingFixtures.form;
import static ke.baraza.meetings.MeetingFixtures.holderFor;
import static ke.baraza.meetings.MeetingFixtures.meeting;
import static ke.baraza.meetings.MeetingFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import ke.baraza.meetings.internal.ActionItemReminders;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Mailbox;
import ke.baraza.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decisions and action items with the minutes: matters arising on the body's next meeting, the
 * body's action tracker with its filters, status changes by owners and organisers, and reminders of
 * overdue items sent once per period whichever node runs the job.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionItemsIT {

  @Autowired JdbcClient jdbc;
  @Autowired ActionItemReminders reminders;

  Browser official;

  @BeforeAll
  void setUp() {
    official = staff(jdbc, "actions-official", "COUNTY_OFFICIAL", "016");
  }

  /** A network with one member organisation (with an e-mail address) and one of its people. */
  record Network(String id, Browser coordinator, String member, String memberMail, String person) {}

  Network network() {
    String id = body(official, "016", "Kangundo Network " + n());
    String mail = "kangundo-cbo-" + n() + "@example.org";
    String member = organisation(official, "016", "Kangundo Youth CBO " + n(), mail);
    admit(official, id, member);
    String person =
        person(official, member, "Mutua Kilonzo " + n(), "mutua" + n() + "@example.org", "en");
    return new Network(id, holderFor(jdbc, "NETWORK_COORDINATOR", "016", id), member, mail, person);
  }

  @Test
  void openActionsShowUnderMattersArisingOfTheBodysNextMeetingUntilDone() {
    Network net = network();
    String first =
        meeting(net.coordinator(), net.id(), form("April coordination " + n(), "2031-04-01"));
    String next =
        meeting(net.coordinator(), net.id(), form("May coordination " + n(), "2031-05-06"));
    Network other = network();
    String elsewhere =
        meeting(other.coordinator(), other.id(), form("Other body " + n(), "2031-04-20"));

    String mapping = "Map the youth groups of Kangundo " + n();
    String budget = "Send the budget memorandum " + n();
    String decided = "The network adopts the ward forum calendar " + n();
    assertThat(
            add(net.coordinator(), first, "ACTION", mapping, net.person(), "2031-04-30")
                .statusCode())
        .isEqualTo(302);
    assertThat(
            add(net.coordinator(), first, "ACTION", budget, net.member(), "2031-05-02")
                .statusCode())
        .isEqualTo(302);
    assertThat(add(net.coordinator(), first, "DECISION", decided, "", "").statusCode())
        .isEqualTo(302);

    assertThat(net.coordinator().get("/meetings/" + next).body())
        .as("the organisers see them before publication")
        .contains("Matters arising", mapping, budget)
        .doesNotContain(decided);
    assertThat(new Browser().get("/meetings/" + next).body()).doesNotContain(mapping);

    publish(net.coordinator(), first, "We met.");
    String nextPage = new Browser().get("/meetings/" + next).body();
    assertThat(nextPage).contains("Matters arising", mapping, budget).doesNotContain(decided);
    assertThat(new Browser().get("/meetings/" + first).body()).doesNotContain("matters-arising");
    assertThat(new Browser().get("/meetings/" + elsewhere).body()).doesNotContain(mapping);
    assertThat(new Browser().get("/meetings/" + first + "/minutes").body())
        .contains(mapping, budget, decided, "Open");

    assertThat(
            add(net.coordinator(), first, "ACTION", "Too late " + n(), net.member(), "2031-06-01")
                .statusCode())
        .as("approved minutes take no more items")
        .isEqualTo(409);

    net.coordinator().get("/meetings/" + first + "/minutes");
    assertThat(
            net.coordinator()
                .post(
                    "/meetings/" + first + "/actions/" + item(mapping) + "/status",
                    Map.of("status", "DONE"))
                .statusCode())
        .isEqualTo(302);
    assertThat(new Browser().get("/meetings/" + next).body())
        .doesNotContain(mapping)
        .contains(budget);
  }

  @Test
  void theTrackerFiltersByStatusAndOwnerMarksOverdueInWordsAndOwnersUpdateStatus() {
    Network net = network();
    String past =
        meeting(net.coordinator(), net.id(), form("January coordination " + n(), "2024-01-10"));
    String late = "Collect the ward scorecards " + n();
    String later = "Prepare the CBROP submission " + n();
    add(net.coordinator(), past, "ACTION", late, net.member(), "2024-02-01");
    add(net.coordinator(), past, "ACTION", later, net.person(), "2099-01-01");
    assertThat(new Browser().get("/bodies/" + net.id() + "/actions").body())
        .as("nothing before publication")
        .doesNotContain(late);
    publish(net.coordinator(), past, "Minutes of January.");

    String tracker = new Browser().get("/bodies/" + net.id() + "/actions").body();
    assertThat(tracker).contains(late, later, "Items: 2");
    String lateRow =
        tracker.substring(tracker.indexOf(late), tracker.indexOf("</li>", tracker.indexOf(late)));
    assertThat(lateRow).contains("2024-02-01", "Overdue");
    String laterRow =
        tracker.substring(tracker.indexOf(later), tracker.indexOf("</li>", tracker.indexOf(later)));
    assertThat(laterRow).doesNotContain("Overdue");
    assertThat(tracker).doesNotContain("name=\"status\" aria-label").as("the public cannot update");

    assertThat(new Browser().get("/bodies/" + net.id() + "/actions?owner=" + net.person()).body())
        .contains(later, "Items: 1")
        .doesNotContain(late);
    assertThat(new Browser().get("/bodies/" + net.id() + "/actions?status=DONE").body())
        .contains("Items: 0")
        .doesNotContain(late);
    assertThat(new Browser().get("/bodies/" + net.id() + "/actions?status=NOPE").body())
        .contains("Items: 2");
    assertThat(new Browser().get("/bodies/nosuchbody/actions").statusCode()).isEqualTo(404);

    // the owning organisation's editors update its item, not another's; a citizen neither
    Browser ownerEditor = holderFor(jdbc, "ORGANISATION_EDITOR", "016", net.member());
    assertThat(ownerEditor.get("/bodies/" + net.id() + "/actions").body())
        .contains("aria-label=\"Status of");
    HttpResponse<String> updated =
        ownerEditor.post(
            "/meetings/" + past + "/actions/" + item(late) + "/status",
            Map.of("status", "IN_PROGRESS", "from", "tracker"));
    assertThat(updated.statusCode()).isEqualTo(302);
    assertThat(updated.headers().firstValue("Location").orElse(""))
        .endsWith("/bodies/" + net.id() + "/actions");
    assertThat(status(late)).isEqualTo("IN_PROGRESS");
    assertThat(
            ownerEditor
                .post(
                    "/meetings/" + past + "/actions/" + item(later) + "/status",
                    Map.of("status", "DONE"))
                .statusCode())
        .isEqualTo(403);
    Browser citizen = citizen();
    citizen.get("/bodies/" + net.id() + "/actions");
    assertThat(
            citizen
                .post(
                    "/meetings/" + past + "/actions/" + item(late) + "/status",
                    Map.of("status", "DONE"))
                .statusCode())
        .isEqualTo(403);
    assertThat(status(later)).isEqualTo("OPEN");
    assertThat(new Browser().get("/bodies/" + net.id() + "/actions?status=IN_PROGRESS").body())
        .contains(late, "In progress", "Items: 1");
  }

  @Test
  void ownersOfOverdueActionsAreRemindedOncePerPeriodEvenWithTwoNodes() throws Exception {
    Network net = network();
    String past =
        meeting(net.coordinator(), net.id(), form("February coordination " + n(), "2024-02-14"));
    String overdue = "Share the bursary list " + n();
    add(net.coordinator(), past, "ACTION", overdue, net.member(), "2024-03-01");
    add(net.coordinator(), past, "ACTION", "Not yet due " + n(), net.member(), "2099-03-01");
    publish(net.coordinator(), past, "Minutes of February.");

    CompletableFuture<Integer> a = CompletableFuture.supplyAsync(reminders::sendDue);
    CompletableFuture<Integer> b = CompletableFuture.supplyAsync(reminders::sendDue);
    a.get();
    b.get();
    reminders.sendDue();

    var mails = Mailbox.to(net.memberMail());
    assertThat(mails).hasSize(1);
    String text = Mailbox.text(mails.get(0));
    assertThat(text).contains(overdue, "2024-03-01", "/meetings/" + past + "/minutes");
    assertThat(text).doesNotContain("Not yet due");
    assertThat(
            jdbc.sql("select count(*) from action_item where text = ? and reminded_at is not null")
                .param(overdue)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    Thread.sleep(300);
    assertThat(
            List.of(TestEnvironment.mail().getReceivedMessages()).stream()
                .filter(m -> Mailbox.text(m).contains(overdue))
                .count())
        .as("one reminder in this period")
        .isEqualTo(1);
  }

  static HttpResponse<String> add(
      Browser browser, String meeting, String kind, String text, String owner, String due) {
    browser.get("/meetings/" + meeting + "/minutes");
    return browser.post(
        "/meetings/" + meeting + "/actions",
        Map.of("kind", kind, "text", text, "owner", owner, "due", due));
  }

  static void publish(Browser coordinator, String meeting, String text) {
    assertThat(MinutesIT.save(coordinator, meeting, text, "", 0).statusCode()).isEqualTo(302);
    coordinator.get("/meetings/" + meeting + "/minutes");
    assertThat(coordinator.post("/meetings/" + meeting + "/minutes/approve", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(coordinator.post("/meetings/" + meeting + "/minutes/publish", Map.of()).statusCode())
        .isEqualTo(302);
  }

  private String item(String text) {
    return jdbc.sql("select public_id from action_item where text = ?")
        .param(text)
        .query(String.class)
        .single();
  }

  private String status(String text) {
    return jdbc.sql("select status from action_item where text = ?")
        .param(text)
        .query(String.class)
        .single();
  }
}
