package ke.baraza.meetings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static ke.baraza.directory.PeopleFixtures.admit;
import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static ke.baraza.meetings.MeetingFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.ZoneId;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.accounts.internal.AuthenticatorApp;
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
 * Issue 4's journey in a real browser on a phone: a coordinator schedules the monthly coordination
 * meeting, invites the body, keeps the attendance register at the door (a known person and two
 * walk-ins with their gender), writes and publishes the minutes with two action items; at the next
 * meeting those items show under matters arising; a citizen reads the published minutes and the
 * gender breakdown. Browser console errors fail the test. Screenshots go to target/screenshots.
 */
@BarazaIntegrationTest
class MeetingsBrowserIT {

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
  void aCoordinatorRunsTheMonthlyMeetingAndACitizenReadsItsMinutesAndFigures() {
    String n = n();
    Browser official = staff(jdbc, "sek-official", "COUNTY_OFFICIAL", "016");
    String network = body(official, "016", "Machakos CSO Network " + n);
    String cboName = "Masinga Ward CBO " + n;
    String cbo = organisation(official, "016", cboName, "masinga-cbo-" + n + "@example.org");
    String groupName = "Ekalakala Women Group " + n;
    String group = organisation(official, "016", groupName, null);
    admit(official, network, cbo);
    admit(official, network, group);
    String known = "Mwende Kyalo " + n;
    person(official, cbo, known, "mwende" + n + "@example.org", "sw");
    String coordinatorEmail = AccountFixtures.verifiedAccount("mccn-coordinator");
    AccountFixtures.grantFor(jdbc, coordinatorEmail, "NETWORK_COORDINATOR", "016", network);
    String day = LocalDate.now(ZoneId.of("Africa/Nairobi")).plusDays(3).toString();
    String title = "Monthly coordination meeting " + n;
    String mapping = "Map the self-help groups of Masinga ward " + n;
    String memo = "Draft the budget memorandum for the CFSP hearing " + n;

    String first;
    String next;
    try (BrowserContext session = playwrights.phone()) {
      Page page = journey.watched(session.newPage());
      page.navigate("/signin");
      page.locator("#f-username").fill(coordinatorEmail);
      page.locator("#f-password").fill(AccountFixtures.PASSWORD);
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/account/second-factor");
      String secret = page.locator("#totp-secret").textContent().replace(" ", "");
      page.locator("#f-code").fill(AuthenticatorApp.codeNow(secret));
      page.locator("main form button[type=submit]").click();
      page.waitForURL(url -> !url.contains("second-factor"));

      // Schedule the monthly coordination meeting: this month's and next month's.
      page.navigate("/meetings/new?organiser=" + network);
      page.locator("#f-title").fill(title);
      page.locator("#f-kind").selectOption("COORDINATION_MEETING");
      page.locator("#f-venue").fill("Masinga Sub-County Hall");
      page.locator("#f-startDate").fill(day);
      page.locator("#f-startTime").fill("10:00");
      page.locator("#f-endTime").fill("13:00");
      page.locator("#f-recurrence").selectOption("MONTHLY");
      page.locator("#f-occurrences").fill("2");
      Journey.screenshot(page, "20-meeting-schedule");
      page.locator("main form button[type=submit]").click();
      page.waitForURL(url -> url.matches(".*/meetings/[a-z0-9]+$"));
      first = page.url().replaceAll(".*/meetings/", "");
      next =
          jdbc.sql(
                  "select public_id from meeting where series_id ="
                      + " (select series_id from meeting where public_id = ?) and public_id <> ?")
              .params(first, first)
              .query(String.class)
              .single();

      // Invite the body's members.
      page.locator(
              "form[action$='/invitations'] button",
              new Page.LocatorOptions().setHasText("Invite the member organisations"))
          .click();
      assertThat(page.locator("#invitees")).containsText(cboName);
      assertThat(page.locator("#invitees")).containsText(groupName);

      // The register at the door: a known person, then two walk-ins who give their gender.
      page.locator("main a[href$='/attendance']").click();
      page.locator("#f-q").fill("Mwende");
      page.locator("main form[role=search] button").click();
      page.locator("form[action$='/attendance/people'] button").first().click();
      assertThat(page.locator("#attendees")).containsText(known);
      walkIn(page, "Agnes Mutheu " + n, "FEMALE");
      walkIn(page, "Peter Musyoka " + n, "MALE");
      assertThat(page.locator("main")).containsText("Present: 3");
      assertThat(page.locator("#attendees")).containsText("Agnes Mutheu " + n);
      Journey.screenshot(page, "21-attendance-phone");

      // The minutes, with two action items, approved and published.
      page.navigate("/meetings/" + first);
      page.locator("#minutes a", new Page.LocatorOptions().setHasText("Write the minutes")).click();
      page.locator("#f-textEn")
          .fill(
              "## Attendance\n\n3 present.\n\n## Matters discussed\n\n"
                  + "- The CFSP public hearing\n- Mapping of groups in **Masinga**\n");
      page.locator("#f-textSw").fill("## Mahudhurio\n\nWatu 3 walihudhuria.\n");
      page.locator("form[action$='/minutes'] button[type=submit]").click();
      assertThat(page.locator("main .notice")).containsText("The draft was saved.");
      addAction(page, mapping, new SelectOption().setLabel(known + " (" + cboName + ")"), day);
      addAction(page, memo, new SelectOption().setLabel(groupName), day);
      assertThat(page.locator("#action-items li")).hasCount(2);
      Journey.screenshot(page, "22-minutes-draft");
      page.locator("#approve").click();
      assertThat(page.locator("#minutes-status")).hasText("Approved");
      page.locator("#publish").click();
      assertThat(page.locator("#minutes-status")).hasText("Published");
      Journey.screenshot(page, "23-minutes-published");

      // Next month's meeting: the open items under matters arising.
      page.navigate("/meetings/" + next);
      Locator arising = page.locator("#matters-arising");
      assertThat(arising).containsText(mapping);
      assertThat(arising).containsText(memo);
      assertThat(arising).containsText(known);
      Journey.screenshot(page, "24-next-meeting-matters-arising");

      // The body's action tracker: both items, open, each with a status the coordinator can set.
      page.locator("#minutes a", new Page.LocatorOptions().setHasText("Action tracker")).click();
      assertThat(page.locator("#tracker")).containsText(mapping);
      assertThat(page.locator("#tracker")).containsText(memo);
      assertThat(page.locator("#tracker select[name=status]")).hasCount(2);
      Journey.screenshot(page, "25-action-tracker");
    }

    try (BrowserContext citizen = playwrights.phone()) {
      Page page = journey.watched(citizen.newPage());
      page.navigate("/calendar?body=" + network);
      page.locator("main a", new Page.LocatorOptions().setHasText(title)).first().click();
      page.waitForURL("**/meetings/" + first);
      Locator figures = page.locator("#figures");
      assertThat(figures).containsText("Who attended (3)");
      assertThat(figures.locator("dt", new Locator.LocatorOptions().setHasText("Women")).first())
          .isVisible();
      assertThat(figures.locator("meter").first()).hasAttribute("value", "1");
      assertThat(page.locator("main")).not().containsText("Agnes Mutheu");
      Journey.screenshot(page, "26-citizen-meeting-figures");
      page.locator("#minutes a", new Page.LocatorOptions().setHasText("Read the minutes")).click();
      assertThat(page.locator("#minutes-en")).containsText("The CFSP public hearing");
      assertThat(page.locator("#minutes-sw")).containsText("Watu 3 walihudhuria.");
      assertThat(page.locator("#action-items")).containsText(mapping);
      assertThat(page.locator("main")).not().containsText("Approve the minutes");
      Journey.screenshot(page, "27-citizen-minutes");
    }
    assertThat(journey.consoleErrors()).as("browser console errors").isEmpty();
  }

  private static void walkIn(Page page, String name, String gender) {
    page.locator("#f-name").fill(name);
    page.locator("#f-gender").selectOption(gender);
    page.locator("form[action$='/attendance/walk-ins'] input[name=consent]").check();
    page.locator("form[action$='/attendance/walk-ins'] button[type=submit]").click();
    assertThat(page.locator("#attendees")).containsText(name);
  }

  private static void addAction(Page page, String text, SelectOption owner, String due) {
    page.locator("#f-kind").selectOption("ACTION");
    page.locator("#f-text").fill(text);
    page.locator("#f-owner").selectOption(owner);
    page.locator("#f-due").fill(due);
    page.locator("form[action$='/actions'] button[type=submit]").click();
    assertThat(page.locator("#action-items")).containsText(text);
  }
}
