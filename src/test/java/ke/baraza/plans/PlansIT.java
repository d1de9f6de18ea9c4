package ke.baraza.plans;

import static ke.baraza.directory.PeopleFixtures.after;
import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.editorOf;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.plans.internal.PlanReminders;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Mailbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plans: a coordinator sets up a plan with its institutions, programmes, commitments, milestones
 * and indicators; an implementing agency reports progress; a coordinator returns or accepts the
 * report; the oversight body assesses; everyone sees the dashboard, its exports and the API. Bad
 * input is refused with a clear message in English and Kiswahili, and nothing is stored.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansIT {

  private static final String COUNTY = "037";

  @Autowired JdbcClient jdbc;
  @Autowired PlanReminders reminders;

  Browser official;
  Browser coordinator;
  Browser agency;
  Browser oversight;
  String lead;
  String partner;
  String steering;
  String plan;
  String commitment;

  @BeforeAll
  void setUp() {
    official = staff(jdbc, "plans-official", "COUNTY_OFFICIAL", COUNTY);
    coordinator = staff(jdbc, "plans-coordinator", "NETWORK_COORDINATOR", COUNTY);
    oversight = staff(jdbc, "plans-oversight", "OVERSIGHT", COUNTY);
    lead = organisation(official, COUNTY, "Lurambi Budget Watch " + n());
    partner = organisation(official, COUNTY, "Shinyalu Youth Network " + n());
    steering = body(official, COUNTY, "OGP Steering Committee " + n(), "STEERING_COMMITTEE");
    agency = editorOf(jdbc, lead, COUNTY);
    plan = plan(coordinator, "Open Kakamega action plan " + n(), "2024-07-01", "2027-06-30");
    commitment = commitment(coordinator, plan, "Open budget and access to information", lead);
  }

  @Test
  void aCoordinatorSetsUpAPlanThatEveryoneSeesOnItsDashboardAndInTheApi() {
    String id = plan(coordinator, "Joint work plan " + n(), "2025-01-01", "2025-12-31");
    coordinator.get("/plans/" + id);
    assertThat(party(id, "LEAD", lead).statusCode()).isEqualTo(302);
    assertThat(party(id, "ENDORSER", partner).statusCode()).isEqualTo(302);
    assertThat(party(id, "STEERING", steering).statusCode()).isEqualTo(302);
    assertThat(party(id, "STEERING", lead).statusCode())
        .as("a committee must be a body")
        .isEqualTo(400);
    assertThat(party(id, "LEAD", lead).statusCode()).as("listed once").isEqualTo(409);
    HttpResponse<String> programme =
        coordinator.post(
            "/plans/" + id + "/programmes",
            Map.of("code", "CIDP-3.2", "name", "Public participation and civic education"));
    assertThat(programme.statusCode()).isEqualTo(302);
    String c = commitment(coordinator, id, "Public participation", lead, "CIDP-3.2");
    milestone(coordinator, c, "Ward forums held in all 12 sub-counties", "2025-03-31");
    String indicator = indicator(coordinator, c, "Residents at ward forums", "QUARTERLY");
    assertThat(value(coordinator, indicator, "2025-Q1", "1250").statusCode()).isEqualTo(302);

    Browser chair = holderFor("NETWORK_COORDINATOR", steering);
    milestone(chair, c, "Steering committee review", "2025-11-30");
    assertThat(milestoneResponse(chair, commitment, "Not its plan", "2025-11-30", "").statusCode())
        .as("a coordinator of one committee only coordinates that committee's plans")
        .isEqualTo(403);
    String m =
        chair
            .get("/commitments/" + c)
            .body()
            .replaceAll(
                "(?s).*id=\"milestone-([0-9a-z]{12})\"[^<]*<h3>Steering committee review<.*", "$1");
    HttpResponse<String> moved =
        chair.post(
            "/milestones/" + m,
            Map.of("title", "Steering committee review", "dueOn", "2026-01-31"));
    assertThat(moved.statusCode()).isEqualTo(400);
    assertThat(moved.body()).contains("is outside the plan's period, 2025-01-01 to 2025-12-31.");
    chair.get("/commitments/" + c);
    assertThat(
            chair
                .post(
                    "/milestones/" + m,
                    Map.of("title", "Steering committee review", "dueOn", "2025-12-15"))
                .statusCode())
        .isEqualTo(302);
    chair.get("/commitments/" + c);
    assertThat(
            chair
                .post(
                    "/indicators/" + indicator,
                    Map.of(
                        "name",
                        "Residents at ward forums",
                        "unit",
                        "people",
                        "baseline",
                        "100",
                        "target",
                        "7500"))
                .statusCode())
        .isEqualTo(302);

    Browser anyone = new Browser();
    assertThat(anyone.get("/commitments/" + c).body()).contains("Due 2025-12-15", "target 7500");
    String page = anyone.get("/plans/" + id).body();
    assertThat(page)
        .contains(
            "Joint work plan",
            "Public participation",
            "Lurambi Budget Watch",
            "Shinyalu Youth Network",
            "OGP Steering Committee",
            "CIDP-3.2",
            "Ward forums held in all 12 sub-counties",
            "Residents at ward forums",
            "<svg",
            "1250")
        .doesNotContain("id=\"party-form\"");
    assertThat(page).as("overdue: due in March 2025, not reached").contains("id=\"overdue-list\"");
    assertThat(anyone.get("/commitments/" + c).body()).contains("CIDP-3.2", "1250");
    assertThat(anyone.get("/plans?county=" + COUNTY).body()).contains("Joint work plan");

    HttpResponse<String> api = anyone.get("/api/v1/plans?county=" + COUNTY, "application/json");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body())
        .contains("\"publicId\":\"" + id + "\"", "\"kind\":\"JOINT_WORK_PLAN\"", lead);
    HttpResponse<String> unknown = anyone.get("/api/v1/plans?county=999", "application/json");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"detail\":").contains("999");
    HttpResponse<String> sw =
        new Browser().acceptLanguage("sw").get("/api/v1/plans?county=999", "application/json");
    assertThat(sw.statusCode()).isEqualTo(404);
    assertThat(sw.body()).isNotEqualTo(unknown.body());
  }

  @Test
  void aMilestoneOutsideThePlansPeriodIsRefusedClearlyInBothLanguagesAndNothingIsStored() {
    HttpResponse<String> refused =
        milestoneResponse(coordinator, commitment, "Open data portal launched", "2028-01-15", "");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains(
            "The due date 2028-01-15 is outside the plan's period, 2024-07-01 to 2027-06-30.");
    HttpResponse<String> sw =
        milestoneResponse(coordinator, commitment, "Open data portal launched", "2024-06-30", "sw");
    assertThat(sw.statusCode()).isEqualTo(400);
    assertThat(sw.body())
        .contains(
            "Tarehe ya mwisho 2024-06-30 iko nje ya kipindi cha mpango, 2024-07-01 hadi 2027-06-30.");
    coordinator.get("/plans?lang=en");
    assertThat(milestoneResponse(coordinator, commitment, "x", "31/03/2026", "").body())
        .contains("Write the due date as 2026-03-31.");
    assertThat(
            count(
                "plan_milestone m join plan_commitment c on c.id = m.commitment_id",
                "c.public_id = ? and m.title = 'Open data portal launched'",
                commitment))
        .isZero();
  }

  @Test
  void anIndicatorValueForAPeriodOutsideThePlanOrOfAnotherFrequencyIsRefused() {
    String indicator =
        indicator(coordinator, commitment, "Budget documents published", "QUARTERLY");
    HttpResponse<String> outside = value(coordinator, indicator, "2024-Q2", "3");
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(outside.body())
        .contains("The period 2024-Q2 is outside the plan's period, 2024-07-01 to 2027-06-30.");
    HttpResponse<String> monthly = value(coordinator, indicator, "2025-03", "3");
    assertThat(monthly.statusCode()).isEqualTo(400);
    assertThat(monthly.body())
        .contains(
            "The period 2025-03 does not fit a quarterly rhythm: write a period such as 2024-Q3.");
    assertThat(value(coordinator, indicator, "March", "3").body())
        .contains("Write the period as 2025-03 (a month), 2025-Q1 (a quarter) or 2025 (a year).");
    assertThat(value(coordinator, indicator, "2025-Q1", "many").body())
        .contains("Write the value as a number.");
    HttpResponse<String> sw = value(coordinator, indicator, "2030-Q1", "3", "sw");
    assertThat(sw.body()).contains("Kipindi 2030-Q1 kiko nje ya kipindi cha mpango");
    coordinator.get("/plans?lang=en");
    assertThat(
            count(
                "plan_indicator_value v join plan_indicator i on i.id = v.indicator_id",
                "i.public_id = ?",
                indicator))
        .isZero();

    assertThat(value(coordinator, indicator, "2025-Q1", "4").statusCode()).isEqualTo(302);
    HttpResponse<String> twice = value(coordinator, indicator, "2025-Q1", "5");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body())
        .contains("The indicator \"Budget documents published\" has a value for 2025-Q1 already.");
  }

  @Test
  void valuesAreBrokenDownOnlyByTheIndicatorsOwnDimensions() {
    String indicator = indicator(coordinator, commitment, "Forum participants", "ANNUAL");
    coordinator.get("/commitments/" + commitment);
    Map<String, String> women = new HashMap<>();
    women.put("period", "2025");
    women.put("amount", "310");
    women.put("source", "Attendance registers");
    women.put("dimension", "SEX");
    women.put("category", "female");
    assertThat(coordinator.post("/indicators/" + indicator + "/values", women).statusCode())
        .isEqualTo(302);
    Map<String, String> ward = new HashMap<>(women);
    ward.put("dimension", "WARD");
    ward.put("category", "0183");
    HttpResponse<String> refused = coordinator.post("/indicators/" + indicator + "/values", ward);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Choose a breakdown the indicator has.");
    Map<String, String> noCategory = new HashMap<>(women);
    noCategory.put("category", "");
    assertThat(coordinator.post("/indicators/" + indicator + "/values", noCategory).body())
        .contains("Name the category of the breakdown");
    assertThat(new Browser().get("/commitments/" + commitment).body()).contains("Sex: female");
  }

  @Test
  void theAgencyAddsEvidenceAsAFileCheckedByContentOrAsAnHttpsLink() {
    String c = commitment(coordinator, plan, "Open budget and access to information", lead);
    milestone(coordinator, c, "Budget published", "2025-06-30");
    String page = coordinator.get("/commitments/" + c).body();
    String m = page.replaceAll("(?s).*id=\"milestone-([0-9a-z]{12})\".*", "$1");
    agency.get("/commitments/" + c);
    HttpResponse<String> file =
        agency.upload(
            "/milestones/" + m + "/files",
            "file",
            "budget.pdf",
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII));
    assertThat(file.statusCode()).as(file.body()).isEqualTo(302);
    agency.get("/commitments/" + c);
    HttpResponse<String> html =
        agency.upload(
            "/milestones/" + m + "/files",
            "file",
            "budget.pdf",
            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
    assertThat(html.statusCode()).isEqualTo(415);
    agency.get("/commitments/" + c);
    assertThat(
            agency
                .post(
                    "/milestones/" + m + "/links",
                    Map.of("url", "http://example.org/b", "label", "x"))
                .body())
        .contains("Give a link that starts with https://.");
    assertThat(
            agency
                .post(
                    "/milestones/" + m + "/links",
                    Map.of("url", "https://kakamega.go.ke/budget", "label", "County budget page"))
                .statusCode())
        .isEqualTo(302);
    agency.get("/commitments/" + c);
    assertThat(
            agency
                .post(
                    "/milestones/" + m + "/status",
                    Map.of("status", "DONE", "doneOn", "2025-06-20"))
                .statusCode())
        .isEqualTo(302);

    String shown = new Browser().get("/commitments/" + c).body();
    assertThat(shown).contains("County budget page", "Reached", "2025-06-20");
    String link =
        shown.replaceAll("(?s).*href=\"(/milestones/" + m + "/evidence/[0-9a-z]+)\".*", "$1");
    HttpResponse<byte[]> download = new Browser().download(link);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment");
    assertThat(new Browser().get("/plans/" + plan).body()).doesNotContain("Budget published (<a");
  }

  @Test
  void anAgencyReportsQuarterlyACoordinatorReturnsThenAcceptsAndOnlyThenTheReportIsPublic() {
    String c = commitment(coordinator, plan, "Citizen feedback", lead);
    String indicator = indicator(coordinator, c, "Complaints resolved", "QUARTERLY");
    Browser anyone = new Browser();
    Browser citizen = new Browser();
    AccountFixtures.signIn(
        citizen, AccountFixtures.verifiedAccount("citizen"), AccountFixtures.PASSWORD);

    agency.get("/commitments/" + c + "/reports/new");
    Map<String, String> form = report("2025-Q2", "Two ward forums held in Lurambi.");
    form.put("value-" + indicator, "4321");
    form.put("source-" + indicator, "Complaints register");
    HttpResponse<String> started = agency.post("/commitments/" + c + "/reports", form);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
    String report = after(started, "/reports/");

    assertThat(anyone.get("/reports/" + report).statusCode())
        .as("a draft is not public")
        .isEqualTo(404);
    assertThat(citizen.get("/reports/" + report).statusCode()).isEqualTo(404);
    assertThat(anyone.get("/plans/" + plan).body()).doesNotContain("4321");

    agency.get("/reports/" + report);
    assertThat(agency.post("/reports/" + report + "/submit", Map.of()).statusCode()).isEqualTo(302);
    assertThat(coordinator.get("/plans/" + plan).body())
        .contains("id=\"awaiting-list\"", "/reports/" + report);
    assertThat(anyone.get("/plans/" + plan).body()).doesNotContain("/reports/" + report);
    agency.get("/reports/" + report);
    HttpResponse<String> again = agency.post("/reports/" + report + "/submit", Map.of());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("This report has been submitted already");
    agency.get("/commitments/" + c + "/reports/new");
    HttpResponse<String> second =
        agency.post("/commitments/" + c + "/reports", report("2025-Q2", "Again."));
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains("This commitment has a progress report for 2025-Q2 already");
    assertThat(
            count(
                "plan_report r join plan_commitment c on c.id = r.commitment_id",
                "c.public_id = ?",
                c))
        .isEqualTo(1);

    agency.get("/reports/" + report);
    assertThat(agency.post("/reports/" + report + "/accept", Map.of()).statusCode())
        .as("an agency cannot accept its own report")
        .isEqualTo(403);
    assertThat(anyone.get("/reports/" + report).statusCode())
        .as("submitted: not public yet")
        .isEqualTo(404);

    coordinator.get("/reports/" + report);
    HttpResponse<String> noComment =
        coordinator.post("/reports/" + report + "/return", Map.of("comment", " "));
    assertThat(noComment.statusCode()).isEqualTo(400);
    assertThat(noComment.body()).contains("Say what must change before returning the report.");
    assertThat(
            coordinator
                .post("/reports/" + report + "/return", Map.of("comment", "Add the ward names."))
                .statusCode())
        .isEqualTo(302);
    String returned = agency.get("/reports/" + report).body();
    assertThat(returned)
        .contains("Returned with comments", "Add the ward names.", "value=\"4321\"");
    Map<String, String> fixed = report("2025-Q2", "Two ward forums held in Lurambi and Shirere.");
    fixed.put("value-" + indicator, "4321");
    fixed.put("source-" + indicator, "Complaints register");
    assertThat(agency.post("/reports/" + report, fixed).statusCode()).isEqualTo(302);
    agency.get("/reports/" + report);
    assertThat(agency.post("/reports/" + report + "/submit", Map.of()).statusCode()).isEqualTo(302);

    coordinator.get("/reports/" + report);
    assertThat(coordinator.post("/reports/" + report + "/accept", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(anyone.get("/reports/" + report).body()).contains("Accepted", "Lurambi and Shirere");
    String dashboard = anyone.get("/plans/" + plan).body();
    assertThat(dashboard).contains("/reports/" + report, "4321");
  }

  @Test
  void aCountyOfficialWhoWroteAReportCannotAcceptItAndTheAgencyIsToldOfEachReview() {
    String email = AccountFixtures.uniqueEmail("plans-agency");
    String agencyOrg = organisation(official, COUNTY, "Ikolomani Women Group " + n(), email);
    String c = commitment(coordinator, plan, "Open county assembly", agencyOrg);
    official.get("/commitments/" + c + "/reports/new");
    HttpResponse<String> started =
        official.post("/commitments/" + c + "/reports", report("2025-Q3", "Hansard published."));
    String report = after(started, "/reports/");
    official.get("/reports/" + report);
    official.post("/reports/" + report + "/submit", Map.of());
    official.get("/reports/" + report);
    HttpResponse<String> own = official.post("/reports/" + report + "/accept", Map.of());
    assertThat(own.statusCode()).isEqualTo(403);
    assertThat(own.body()).contains("You wrote this report: someone else must review it.");

    coordinator.get("/reports/" + report);
    assertThat(
            coordinator
                .post("/reports/" + report + "/return", Map.of("comment", "Name the wards."))
                .statusCode())
        .isEqualTo(302);
    assertThat(Mailbox.to(email)).hasSize(1);
    assertThat(Mailbox.text(Mailbox.to(email).getFirst()))
        .contains("was returned with these comments", "Name the wards.", "/reports/" + report)
        .contains("imerudishwa na maoni haya");
    official.get("/reports/" + report);
    official.post("/reports/" + report + "/submit", Map.of());
    coordinator.get("/reports/" + report);
    assertThat(coordinator.post("/reports/" + report + "/accept", Map.of()).statusCode())
        .isEqualTo(302);
    HttpResponse<String> reviewedTwice =
        coordinator.post("/reports/" + report + "/accept", Map.of());
    assertThat(reviewedTwice.statusCode()).isEqualTo(409);
    assertThat(reviewedTwice.body())
        .contains("Only a submitted report can be returned or accepted.");
    assertThat(Mailbox.to(email)).hasSize(2);
  }

  @Test
  void theOversightBodyAssessesACommitmentOncePerPeriodAndTheDashboardShowsItsCompletion() {
    String c = commitment(coordinator, plan, "Climate change", lead);
    Map<String, String> form = new HashMap<>();
    form.put("period", "2025");
    form.put("verifiable", "true");
    form.put("potentialResults", "MODEST");
    form.put("completion", "SUBSTANTIAL");
    form.put("openedGovernment", "MARGINAL");
    form.put("comment", "Forest restoration under way in three wards.");
    coordinator.get("/commitments/" + c);
    assertThat(coordinator.post("/commitments/" + c + "/assessments", form).statusCode())
        .as("only the oversight body assesses")
        .isEqualTo(403);
    oversight.get("/commitments/" + c);
    Map<String, String> incomplete = new HashMap<>(form);
    incomplete.remove("completion");
    assertThat(oversight.post("/commitments/" + c + "/assessments", incomplete).body())
        .contains("Answer every question of the review.");
    assertThat(oversight.post("/commitments/" + c + "/assessments", form).statusCode())
        .isEqualTo(302);
    HttpResponse<String> twice = oversight.post("/commitments/" + c + "/assessments", form);
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("This commitment has an assessment for 2025 already.");
    assertThat(new Browser().get("/commitments/" + c).body())
        .contains("Forest restoration under way in three wards.", "Modest", "Marginal");
    assertThat(new Browser().get("/plans/" + plan).body()).contains("Substantial (2025)");
  }

  @Test
  void aCoordinatorOfAnotherCountyACitizenAndAnAgencyCannotEditThePlan() {
    Browser elsewhere = staff(jdbc, "plans-047", "NETWORK_COORDINATOR", "047");
    Browser citizen = new Browser();
    AccountFixtures.signIn(
        citizen, AccountFixtures.verifiedAccount("citizen"), AccountFixtures.PASSWORD);
    for (Browser b : List.of(elsewhere, citizen, agency)) {
      assertThat(b.get("/plans/" + plan + "/edit").statusCode()).isEqualTo(403);
      b.get("/plans/" + plan);
      assertThat(
              b.post(
                      "/plans/" + plan,
                      Map.of(
                          "kind", "OGP_ACTION_PLAN",
                          "title", "Taken over",
                          "startsOn", "2024-07-01",
                          "endsOn", "2027-06-30"))
                  .statusCode())
          .isEqualTo(403);
      assertThat(milestoneResponse(b, commitment, "Sneaked in", "2025-05-01", "").statusCode())
          .isEqualTo(403);
      b.get("/plans/new?county=" + COUNTY);
      assertThat(
              b.post("/plans", planForm("Someone else's plan", "2025-01-01", "2025-12-31"))
                  .statusCode())
          .isEqualTo(403);
    }
    assertThat(new Browser().get("/plans/" + plan + "/edit").statusCode())
        .as("the anonymous are sent to sign in")
        .isEqualTo(302);
    assertThat(count("plan", "title = 'Taken over'", null)).isZero();
    assertThat(count("plan_milestone", "title = 'Sneaked in'", null)).isZero();
  }

  @Test
  void overdueReportsAreRemindedOnceByEmailToTheLeadInstitution() {
    String email = AccountFixtures.uniqueEmail("plans-lead");
    String reminded = organisation(official, COUNTY, "Malava Water Users " + n(), email);
    String c = commitment(coordinator, plan, "Climate change", reminded);
    reminders.remindOverdue();
    assertThat(Mailbox.to(email)).hasSize(1);
    assertThat(Mailbox.text(Mailbox.to(email).getFirst()))
        .contains("/commitments/" + c + "/reports/new?period=", "Ripoti ya maendeleo");
    reminders.remindOverdue();
    assertThat(Mailbox.to(email)).as("once per period").hasSize(1);
  }

  @Test
  void thePlansProgressReportDownloadsAsPdfCsvAndXlsx() throws java.io.IOException {
    Browser anyone = new Browser();
    HttpResponse<byte[]> pdf = anyone.download("/plans/" + plan + "/report.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (var read = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(read).replaceAll("\\s+", " "))
          .contains("Completion by ambition area", "Open budget and access to information");
    }
    HttpResponse<byte[]> csv = anyone.download("/plans/" + plan + "/report.csv");
    assertThat(new String(csv.body(), StandardCharsets.UTF_8))
        .contains("\"Ambition area\"", "\"Open budget and access to information\"");
    HttpResponse<byte[]> xlsx = anyone.download("/plans/" + plan + "/report.xlsx");
    assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    assertThat(new Browser().acceptLanguage("sw").download("/plans/" + plan + "/report.csv").body())
        .asString(StandardCharsets.UTF_8)
        .contains("\"Eneo la azma\"");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Browser holderFor(String role, String scope) {
    String email = AccountFixtures.verifiedAccount(role.toLowerCase(java.util.Locale.ROOT));
    AccountFixtures.grantFor(jdbc, email, role, COUNTY, scope);
    Browser browser = new Browser();
    AccountFixtures.signInWithSecondFactor(browser, email, null);
    return browser;
  }

  private static Map<String, String> planForm(String title, String from, String to) {
    Map<String, String> form = new HashMap<>();
    form.put("county", COUNTY);
    form.put("kind", title.startsWith("Joint") ? "JOINT_WORK_PLAN" : "OGP_ACTION_PLAN");
    form.put("title", title);
    form.put("summary", "A plan of the tests.");
    form.put("startsOn", from);
    form.put("endsOn", to);
    return form;
  }

  private static String plan(Browser b, String title, String from, String to) {
    b.get("/plans/new?county=" + COUNTY);
    HttpResponse<String> created = b.post("/plans", planForm(title, from, to));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return after(created, "/plans/");
  }

  private HttpResponse<String> party(String planId, String role, String ref) {
    coordinator.get("/plans/" + planId);
    return coordinator.post("/plans/" + planId + "/parties", Map.of("role", role, "ref", ref));
  }

  private static String commitment(Browser b, String planId, String area, String leadRef) {
    return commitment(b, planId, area, leadRef, "");
  }

  private static String commitment(
      Browser b, String planId, String area, String leadRef, String programme) {
    b.get("/plans/" + planId + "/commitments/new");
    Map<String, String> form = new HashMap<>();
    form.put("ambitionArea", area);
    form.put("title", area + ": commitment " + n());
    form.put("problem", "Residents lack information.");
    form.put("description", "Publish it.");
    form.put("lead", leadRef);
    form.put("programme", programme);
    form.put("status", "ONGOING");
    form.put("reportFrequency", "QUARTERLY");
    HttpResponse<String> created = b.post("/plans/" + planId + "/commitments", form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return after(created, "/commitments/");
  }

  private static HttpResponse<String> milestoneResponse(
      Browser b, String c, String title, String due, String lang) {
    b.get("/commitments/" + c);
    return b.post(
        "/commitments/" + c + "/milestones" + (lang.isEmpty() ? "" : "?lang=" + lang),
        Map.of("title", title, "dueOn", due));
  }

  private static void milestone(Browser b, String c, String title, String due) {
    assertThat(milestoneResponse(b, c, title, due, "").statusCode()).isEqualTo(302);
  }

  private static String indicator(Browser b, String c, String name, String frequency) {
    b.get("/commitments/" + c);
    Map<String, String> form = new HashMap<>();
    form.put("name", name);
    form.put("unit", "people");
    form.put("baseline", "0");
    form.put("target", "6000");
    form.put("frequency", frequency);
    form.put("disaggregation", "SEX");
    HttpResponse<String> created = b.post("/commitments/" + c + "/indicators", form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return b.get("/commitments/" + c)
        .body()
        .replaceAll(
            "(?s).*id=\"indicator-([0-9A-Za-z]+)\"[^<]*<h3>"
                + java.util.regex.Pattern.quote(name)
                + "<.*",
            "$1");
  }

  private static HttpResponse<String> value(
      Browser b, String indicator, String period, String amount) {
    return value(b, indicator, period, amount, "");
  }

  private static HttpResponse<String> value(
      Browser b, String indicator, String period, String amount, String lang) {
    b.get("/plans?county=" + COUNTY);
    return b.post(
        "/indicators/" + indicator + "/values" + (lang.isEmpty() ? "" : "?lang=" + lang),
        Map.of("period", period, "amount", amount, "source", "Attendance registers"));
  }

  private static Map<String, String> report(String period, String activities) {
    Map<String, String> form = new HashMap<>();
    form.put("period", period);
    form.put("activities", activities);
    form.put("challenges", "Rain.");
    form.put("nextSteps", "More forums.");
    return form;
  }

  private int count(String from, String where, String param) {
    var sql = jdbc.sql("select count(*) from " + from + " where " + where);
    return (param == null ? sql : sql.param(param)).query(Integer.class).single();
  }
}
