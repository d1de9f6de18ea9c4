package ke.baraza.plans;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.directory.PeopleFixtures;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Journey;
import ke.baraza.testing.Playwrights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 7's journey on phones: a county coordinator sets up a plan with a commitment, milestone and
 * indicator; the implementing agency submits a quarterly report with a value; the coordinator
 * accepts it and the oversight body assesses the commitment; a citizen sees the dashboard. Two
 * partners enter overlapping activities and the coordinator sees the flag. Screenshots go to
 * target/screenshots.
 */
@BarazaIntegrationTest
class PlansBrowserIT {

  /** Baringo. */
  private static final String COUNTY = "030";

  private static Playwrights playwrights;

  @Autowired JdbcClient jdbc;

  private final Journey journey = new Journey();

  @BeforeAll
  static void startBrowser() {
    playwrights = Playwrights.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (playwrights != null) {
      playwrights.close();
    }
  }

  @Test
  void aPlanIsSetUpReportedOnAssessedAndShownAndOverlappingActivitiesAreFlagged() {
    Browser admin = PeopleFixtures.staff(jdbc, "baringo-admin", "ADMINISTRATOR", COUNTY);
    String n = PeopleFixtures.n();
    String agencyName = "Baringo Water Services " + n;
    String agency = PeopleFixtures.organisation(admin, COUNTY, agencyName);
    String partnerName = "Kabarnet Youth Initiative " + n;
    String partner = PeopleFixtures.organisation(admin, COUNTY, partnerName);
    String coordinatorEmail = AccountFixtures.verifiedAccount("baringo-coordinator");
    AccountFixtures.grant(jdbc, coordinatorEmail, "COUNTY_OFFICIAL", COUNTY);
    String oversightEmail = AccountFixtures.verifiedAccount("baringo-oversight");
    AccountFixtures.grant(jdbc, oversightEmail, "OVERSIGHT", COUNTY);
    String agencyEmail = AccountFixtures.verifiedAccount("baringo-agency");
    AccountFixtures.grantFor(jdbc, agencyEmail, "ORGANISATION_EDITOR", COUNTY, agency);
    String partnerEmail = AccountFixtures.verifiedAccount("baringo-partner");
    AccountFixtures.grantFor(jdbc, partnerEmail, "ORGANISATION_EDITOR", COUNTY, partner);
    String ward =
        jdbc.sql("select code from ward where county_code = ? order by code")
            .param(COUNTY)
            .query(String.class)
            .list()
            .getFirst();
    String planTitle = "Baringo joint work plan 2026 " + n;

    String commitmentUrl;
    try (BrowserContext coordinatorSession = playwrights.phone()) {
      Page coordinator = journey.watched(coordinatorSession.newPage());
      Journey.signIn(coordinator, coordinatorEmail, true);
      coordinator.navigate("/plans?county=" + COUNTY);
      coordinator.locator("#new-plan").click();
      coordinator.locator("#f-kind").selectOption("JOINT_WORK_PLAN");
      coordinator.locator("#f-title").fill(planTitle);
      coordinator.locator("#f-startsOn").fill("2026-01-01");
      coordinator.locator("#f-endsOn").fill("2027-12-31");
      coordinator.locator("#f-summary").fill("Water, health and youth work aligned to the CIDP.");
      coordinator.locator("#save-plan").click();
      assertThat(coordinator.locator("#plan-title")).containsText(planTitle);
      coordinator.locator("#new-commitment").click();
      coordinator.locator("#commitment-form #f-ambitionArea").fill("Water and sanitation");
      coordinator.locator("#commitment-form #f-title").fill("Safe water in every ward");
      coordinator.locator("#f-problem").fill("Half of the villages walk over 5 km for water.");
      coordinator
          .locator("#f-description")
          .fill("Rehabilitate boreholes and publish their status.");
      coordinator.locator("#f-lead").selectOption(agency);
      coordinator.locator("#f-reportFrequency").selectOption("QUARTERLY");
      coordinator.locator("#save-commitment").click();
      assertThat(coordinator.locator("#commitment-title")).containsText("Safe water in every ward");
      commitmentUrl = coordinator.url();
      coordinator.locator("#milestone-form #f-title").fill("20 boreholes rehabilitated");
      coordinator.locator("#milestone-form #f-dueOn").fill("2026-06-30");
      coordinator.locator("#add-milestone").click();
      assertThat(coordinator.locator("main")).containsText("20 boreholes rehabilitated");
      coordinator.locator("#indicator-form #f-name").fill("Boreholes working");
      coordinator.locator("#indicator-form #f-unit").fill("boreholes");
      coordinator.locator("#indicator-form #f-baseline").fill("12");
      coordinator.locator("#indicator-form #f-target").fill("40");
      coordinator.locator("#indicator-form #f-frequency").selectOption("QUARTERLY");
      coordinator.locator("#add-indicator").click();
      assertThat(coordinator.locator("main")).containsText("Boreholes working");
      Journey.screenshot(coordinator, "plans-01-coordinator-commitment");

      String reportUrl;
      try (BrowserContext session = playwrights.phone()) {
        Page page = journey.watched(session.newPage());
        Journey.signIn(page, agencyEmail, false);
        page.navigate(commitmentUrl);
        page.locator("#new-report").click();
        page.locator("#report-form #f-period").fill("2026-Q1");
        page.locator("#f-activities").fill("Rehabilitated 9 boreholes in Kabarnet and Marigat.");
        page.locator("#f-challenges").fill("Spare parts arrived late.");
        page.locator("#f-nextSteps").fill("Eleven more boreholes by June.");
        page.locator("#report-form input[id^='f-value-']").first().fill("21");
        page.locator("#report-form input[id^='f-source-']").first().fill("Water department survey");
        page.locator("#save-report").click();
        Journey.screenshot(page, "plans-02a-agency-report-saved");
        page.locator("#submit-report").click();
        assertThat(page.locator("#report-status")).containsText("Submitted");
        reportUrl = page.url();
        Journey.screenshot(page, "plans-02-agency-report-submitted");
      }

      coordinator.navigate(reportUrl);
      coordinator.locator("#f-accept-comment").fill("Well documented, thank you.");
      coordinator.locator("#accept-report").click();
      assertThat(coordinator.locator("#report-status")).containsText("Accepted");

      try (BrowserContext session = playwrights.phone()) {
        Page page = journey.watched(session.newPage());
        Journey.signIn(page, oversightEmail, true);
        page.navigate(commitmentUrl);
        page.locator("#assessment-form #f-period").fill("2026");
        page.locator("#f-verifiable").selectOption("true");
        page.locator("#f-potentialResults").selectOption("MODEST");
        page.locator("#f-completion").selectOption("LIMITED");
        page.locator("#f-openedGovernment").selectOption("MARGINAL");
        page.locator("#f-comment").fill("Progress is real but slower than planned.");
        page.locator("#save-assessment").click();
        assertThat(page.locator("#assessment-table")).containsText("Progress is real");
        Journey.screenshot(page, "plans-03-oversight-assessment");
      }

      try (BrowserContext citizen = playwrights.phone()) {
        Page page = journey.watched(citizen.newPage());
        page.navigate("/plans?county=" + COUNTY);
        page.getByText(planTitle).click();
        assertThat(page.locator("main")).containsText("Safe water in every ward");
        assertThat(page.locator("main")).containsText("Boreholes working");
        assertThat(page.locator("main")).containsText("2026-Q1");
        assertThat(page.locator("#download-pdf")).isVisible();
        Journey.screenshot(page, "plans-04-citizen-dashboard");
      }

      for (String[] who :
          List.of(new String[] {agencyEmail, agency}, new String[] {partnerEmail, partner})) {
        try (BrowserContext session = playwrights.phone()) {
          Page page = journey.watched(session.newPage());
          Journey.signIn(page, who[0], false);
          page.navigate("/activities/new?organisation=" + who[1]);
          page.locator("#f-title").fill("Borehole repairs and water committees " + n);
          page.locator("#f-theme").selectOption("WATER_SANITATION");
          page.locator("#ward-" + ward).check();
          page.locator("#f-startDate").fill("2026-02-01");
          page.locator("#f-endDate").fill("2026-09-30");
          page.locator("#f-status").selectOption("ONGOING");
          page.locator("#activity-save").click();
          assertThat(page.locator("#activity-title")).containsText("Borehole repairs");
        }
      }

      coordinator.navigate("/activities/counties/" + COUNTY + "/flags");
      assertThat(coordinator.locator("main li[id^='flag-']").first()).containsText(agencyName);
      assertThat(coordinator.locator("main li[id^='flag-']").first()).containsText(partnerName);
      Journey.screenshot(coordinator, "plans-05-coordinator-overlap-flag");
    }
    assertThat(journey.consoleErrors()).isEmpty();
  }
}
