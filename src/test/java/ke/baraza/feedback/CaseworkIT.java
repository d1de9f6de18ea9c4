package ke.baraza.feedback;

import static ke.baraza.feedback.CaseworkFixtures.act;
import static ke.baraza.feedback.CaseworkFixtures.messagesTo;
import static ke.baraza.feedback.FeedbackFixtures.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.feedback.CaseworkFixtures.Case;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The officers' workflow on cases of Kiambu (022): each change is a timeline line and a message to
 * the reporter in the case's language; notes stay internal; the reporter rates and reopens; and
 * officers see only their county's, or their department's, cases.
 */
@BarazaIntegrationTest
class CaseworkIT {

  static final String KIAMBU = "022";

  @Autowired JdbcClient jdbc;

  Browser official;
  String water;
  String roads;
  String ward;

  @BeforeEach
  void routeKiambusWaterAndRoads() {
    official = FeedbackFixtures.staff(jdbc, "kiambu-official", "COUNTY_OFFICIAL", KIAMBU);
    water = CaseworkFixtures.department(official, KIAMBU, "Kiambu Department of Water");
    roads = CaseworkFixtures.department(official, KIAMBU, "Kiambu Department of Roads");
    CaseworkFixtures.routeWater(official, KIAMBU, water, 2, 14);
    CaseworkFixtures.routeRoads(official, KIAMBU, roads, 3, 30);
    ward = CaseworkFixtures.wards(jdbc, KIAMBU).getFirst();
  }

  String officerRef(String department) {
    return jdbc.sql(
            "select account_ref from feedback_officer where county_code = ? and department_ref = ?"
                + " order by seen_at desc")
        .params(KIAMBU, department)
        .query(String.class)
        .list()
        .getFirst();
  }

  @Test
  void aDepartmentOfficerTakesACaseToClosedAndTheReporterHearsOfEachChangeInKiswahili() {
    Case filed =
        CaseworkFixtures.file("sw", KIAMBU, "water", ward, "Bomba la maji limepasuka sokoni.");
    Browser officer = CaseworkFixtures.departmentOfficer(jdbc, "kiambu-water", KIAMBU, water);

    HttpResponse<String> queue = officer.get("/feedback/" + KIAMBU + "/casework");
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.body()).contains(filed.reference(), "Received", "sla-on-time", "On time");
    String me = officerRef(water);

    assertThat(act(officer, KIAMBU, filed.reference(), "acknowledge", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(
            act(
                    officer,
                    KIAMBU,
                    filed.reference(),
                    "assign",
                    Map.of("department", water, "officer", me))
                .statusCode())
        .isEqualTo(302);
    assertThat(act(officer, KIAMBU, filed.reference(), "start", Map.of()).statusCode())
        .isEqualTo(302);
    act(
        officer,
        KIAMBU,
        filed.reference(),
        "reply",
        Map.of("text", "Fundi atafika kesho asubuhi."));
    act(
        officer,
        KIAMBU,
        filed.reference(),
        "note",
        Map.of("text", "Contractor Kamau owes us a valve."));
    HttpResponse<String> resolved =
        act(officer, KIAMBU, filed.reference(), "resolve", Map.of("text", "Bomba limerekebishwa."));
    assertThat(resolved.statusCode()).isEqualTo(302);
    assertThat(column(jdbc, filed.reference(), "status", String.class)).isEqualTo("RESOLVED");
    assertThat(column(jdbc, filed.reference(), "officer_ref", String.class)).isEqualTo(me);

    List<String> messages = messagesTo(filed.phone());
    assertThat(messages).hasSize(6);
    assertThat(String.join("\n", messages))
        .contains(
            "kaunti imekiri kupokea lalamiko lako " + filed.reference(),
            "limekabidhiwa Kiambu Department of Water",
            "kazi kuhusu lalamiko lako " + filed.reference() + " imeanza",
            "Fundi atafika kesho asubuhi.",
            "limetatuliwa. Bomba limerekebishwa.")
        .doesNotContain("Kamau");

    HttpResponse<String> page =
        officer.get("/feedback/" + KIAMBU + "/casework/" + filed.reference());
    assertThat(page.body())
        .contains("Internal note", "Contractor Kamau owes us a valve.", "Bomba la maji limepasuka");
    Resident reporter = new Resident("sw");
    HttpResponse<String> publicPage = reporter.get("/track/" + filed.reference());
    assertThat(publicPage.body())
        .contains("Imetatuliwa", "Fundi atafika kesho asubuhi.", "Bomba limerekebishwa.")
        .doesNotContain("Kamau", "Dokezo");
    HttpResponse<String> own =
        reporter.post("/track/" + filed.reference(), Map.of("code", filed.code()));
    assertThat(own.body())
        .contains("Fundi atafika", "Lalamiko lako lilishughulikiwa vipi?", "Halijatatuliwa?")
        .doesNotContain("Kamau");

    HttpResponse<String> rated =
        reporter.post(
            "/track/" + filed.reference() + "/rating",
            Map.of("code", filed.code(), "stars", "4", "comment", "Walikuja haraka."));
    assertThat(rated.statusCode()).isEqualTo(200);
    assertThat(rated.body()).contains("Asante kwa tathmini yako.", "alama 4 kati ya 5");
    assertThat(column(jdbc, filed.reference(), "rating", Integer.class)).isEqualTo(4);
    HttpResponse<String> again =
        reporter.post(
            "/track/" + filed.reference() + "/rating",
            Map.of("code", filed.code(), "stars", "1", "comment", ""));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(column(jdbc, filed.reference(), "rating", Integer.class)).isEqualTo(4);
    assertThat(
            reporter
                .post(
                    "/track/" + filed.reference() + "/rating",
                    Map.of("code", "WRONG", "stars", "5"))
                .statusCode())
        .isEqualTo(403);

    assertThat(act(officer, KIAMBU, filed.reference(), "close", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(messagesTo(filed.phone()).getLast()).contains("limefungwa");
    assertThat(officer.get("/feedback/" + KIAMBU + "/casework/" + filed.reference()).body())
        .contains("Closed", "Rated 4 out of 5 by the reporter", "Walikuja haraka.");
  }

  @Test
  void anActionTheStatusDoesNotAllowIsRefusedAndChangesNothing() {
    Case filed = CaseworkFixtures.file("en", KIAMBU, "water", ward, "The kiosk tap is dry again.");
    HttpResponse<String> close = act(official, KIAMBU, filed.reference(), "close", Map.of());
    assertThat(close.statusCode()).isEqualTo(409);
    assertThat(close.body()).contains("does not allow this now");
    HttpResponse<String> empty =
        act(official, KIAMBU, filed.reference(), "reject", Map.of("text", ""));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Write between 2 and 2,000 characters.");
    assertThat(act(official, KIAMBU, filed.reference(), "unknown", Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(column(jdbc, filed.reference(), "status", String.class)).isEqualTo("RECEIVED");
    assertThat(messagesTo(filed.phone())).hasSize(1);
  }

  @Test
  void aRejectionGivesItsReasonToTheReporterAndThePublic() {
    Case filed =
        CaseworkFixtures.file("en", KIAMBU, "roads", ward, "Pothole near the chief's camp.");
    HttpResponse<String> rejected =
        act(
            official,
            KIAMBU,
            filed.reference(),
            "reject",
            Map.of("text", "This road belongs to KeNHA, not the county."));
    assertThat(rejected.statusCode()).isEqualTo(302);
    assertThat(messagesTo(filed.phone()).getLast())
        .contains("was rejected: This road belongs to KeNHA, not the county.");
    assertThat(new Resident().get("/track/" + filed.reference()).body())
        .contains("Rejected", "This road belongs to KeNHA");
  }

  @Test
  void theReporterReopensAResolvedCaseWithinTheWindowOnly() {
    Case filed = CaseworkFixtures.file("en", KIAMBU, "water", ward, "Burst pipe at the bus stage.");
    act(official, KIAMBU, filed.reference(), "acknowledge", Map.of());
    act(official, KIAMBU, filed.reference(), "resolve", Map.of("text", ""));
    Resident reporter = new Resident();
    reporter.get("/track/" + filed.reference());
    HttpResponse<String> reopened =
        reporter.post(
            "/track/" + filed.reference() + "/reopen",
            Map.of("code", filed.code(), "reason", "It burst again last night."));
    assertThat(reopened.statusCode()).isEqualTo(200);
    assertThat(reopened.body()).contains("The complaint is reopened.", "In progress");
    assertThat(column(jdbc, filed.reference(), "status", String.class)).isEqualTo("IN_PROGRESS");
    assertThat(messagesTo(filed.phone()).getLast()).contains("is reopened");
    assertThat(reporter.get("/track/" + filed.reference()).body())
        .contains("Reopened by the reporter")
        .doesNotContain("It burst again last night.");
    assertThat(official.get("/feedback/" + KIAMBU + "/casework/" + filed.reference()).body())
        .contains("It burst again last night.");

    act(official, KIAMBU, filed.reference(), "resolve", Map.of("text", "Pipe replaced."));
    jdbc.sql("update feedback_case set resolved_at = ? where reference = ?")
        .params(OffsetDateTime.now().minusDays(15), filed.reference())
        .update();
    HttpResponse<String> late =
        reporter.post(
            "/track/" + filed.reference() + "/reopen",
            Map.of("code", filed.code(), "reason", "Still leaking."));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("can no longer be reopened");
    assertThat(column(jdbc, filed.reference(), "status", String.class)).isEqualTo("RESOLVED");
  }

  @Test
  void theQueueFiltersAssignsInBulkAndLabelsOverdueCases() {
    Case first =
        CaseworkFixtures.file("en", KIAMBU, "water", ward, "No water in the estate today.");
    Case second = CaseworkFixtures.file("en", KIAMBU, "water", ward, "Water is brown in the taps.");
    jdbc.sql("update feedback_case set created_at = ? where reference = ?")
        .params(OffsetDateTime.now().minusDays(5), first.reference())
        .update();
    Browser officer = CaseworkFixtures.departmentOfficer(jdbc, "kiambu-bulk", KIAMBU, water);
    officer.get("/feedback/" + KIAMBU + "/casework?area=" + KIAMBU + "-water");
    HttpResponse<String> queue = officer.get("/feedback/" + KIAMBU + "/casework?ward=" + ward);
    assertThat(queue.body())
        .contains(first.reference(), second.reference(), "sla-overdue", "Overdue");
    String me =
        jdbc.sql(
                "select account_ref from feedback_officer where county_code = ?"
                    + " order by seen_at desc")
            .param(KIAMBU)
            .query(String.class)
            .list()
            .getFirst();

    HttpResponse<String> assigned =
        CaseworkFixtures.assignAll(
            officer, KIAMBU, water, me, first.reference(), second.reference());
    assertThat(assigned.statusCode()).isEqualTo(302);
    assertThat(officer.follow(assigned).body()).contains("Complaints assigned: 2.");
    assertThat(column(jdbc, first.reference(), "status", String.class)).isEqualTo("ASSIGNED");
    assertThat(column(jdbc, second.reference(), "officer_ref", String.class)).isEqualTo(me);

    HttpResponse<String> mine = officer.get("/feedback/" + KIAMBU + "/casework?officer=me");
    assertThat(mine.body()).contains(first.reference(), second.reference());
    HttpResponse<String> resolved =
        officer.get("/feedback/" + KIAMBU + "/casework?status=RESOLVED&officer=me");
    assertThat(resolved.body()).doesNotContain(first.reference()).contains("No complaint matches");
    assertThat(officer.get("/feedback/" + KIAMBU + "/casework?status=NOPE").statusCode())
        .isEqualTo(400);
  }

  @Test
  void anotherCountysOfficialAndAnotherDepartmentsOfficerSeeNothingAndChangeNothing() {
    Case filed =
        CaseworkFixtures.file("en", KIAMBU, "water", ward, "Sewage flowing onto the road.");
    String path = "/feedback/" + KIAMBU + "/casework";

    Browser nairobi = FeedbackFixtures.staff(jdbc, "nairobi-official", "COUNTY_OFFICIAL", "047");
    assertThat(nairobi.get(path).statusCode()).isEqualTo(403);
    assertThat(nairobi.get(path + "/" + filed.reference()).statusCode()).isEqualTo(403);
    HttpResponse<String> ownQueue = nairobi.get("/feedback/047/casework/" + filed.reference());
    assertThat(ownQueue.statusCode()).isEqualTo(404);
    assertThat(ownQueue.body()).doesNotContain("Sewage");
    assertThat(nairobi.get("/feedback/047/casework").body()).doesNotContain(filed.reference());
    assertThat(nairobi.post(path + "/" + filed.reference() + "/acknowledge", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(
            nairobi
                .post("/feedback/047/casework/" + filed.reference() + "/acknowledge", Map.of())
                .statusCode())
        .isEqualTo(404);

    Browser roadsOfficer = CaseworkFixtures.departmentOfficer(jdbc, "kiambu-roads", KIAMBU, roads);
    HttpResponse<String> roadsQueue = roadsOfficer.get(path + "?status=all");
    assertThat(roadsQueue.statusCode()).isEqualTo(200);
    assertThat(roadsQueue.body()).doesNotContain(filed.reference());
    HttpResponse<String> casePage = roadsOfficer.get(path + "/" + filed.reference());
    assertThat(casePage.statusCode()).isEqualTo(404);
    assertThat(casePage.body()).doesNotContain("Sewage");
    assertThat(act(roadsOfficer, KIAMBU, filed.reference(), "acknowledge", Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(
            CaseworkFixtures.assignAll(roadsOfficer, KIAMBU, roads, null, filed.reference())
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> toOtherDepartment =
        act(roadsOfficer, KIAMBU, filed.reference(), "assign", Map.of("department", roads));
    assertThat(toOtherDepartment.statusCode()).isEqualTo(404);

    Browser citizen = new Browser();
    AccountFixtures.signIn(
        citizen, AccountFixtures.verifiedAccount("kiambu-citizen"), AccountFixtures.PASSWORD);
    assertThat(citizen.get(path).statusCode()).isEqualTo(403);
    assertThat(new Browser().get(path + "/" + filed.reference()).statusCode()).isEqualTo(302);

    assertThat(column(jdbc, filed.reference(), "status", String.class)).isEqualTo("RECEIVED");
    assertThat(column(jdbc, filed.reference(), "department_ref", String.class)).isEqualTo(water);
    assertThat(messagesTo(filed.phone())).hasSize(1);
  }
}
