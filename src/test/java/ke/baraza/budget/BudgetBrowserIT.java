package ke.baraza.budget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Journey;
import ke.baraza.testing.Outbox;
import ke.baraza.testing.Playwrights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 9's journey on phones. A budget officer opens the County Fiscal Strategy Paper for views; a
 * resident sends a view in Kiswahili; a clerk enters the paper forms of a ward forum; the officer
 * groups the views into an issue, answers it and publishes the report; the resident finds, on their
 * view's page and by SMS, how it was considered. Then a ward's participatory budgeting round: a
 * resident proposes, the officer assesses and opens voting, the resident votes with an SMS code,
 * and a second vote from the same phone is refused. Screenshots go to target/screenshots.
 */
@BarazaIntegrationTest
class BudgetBrowserIT {

  /** Nyeri, a county no other budget test uses. */
  private static final String COUNTY = "019";

  private static final String FY = "2026-27";

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

  @AfterEach
  void noScriptErrors() {
    assertThat(journey.consoleErrors()).isEmpty();
  }

  @Test
  void viewsOnTheFiscalStrategyPaperAreConsideredAndAWardVotesOnceAPhone() {
    String officerEmail = AccountFixtures.verifiedAccount("nyeri-budget-officer");
    AccountFixtures.grant(jdbc, officerEmail, "COUNTY_OFFICIAL", COUNTY);
    List<String> wards =
        jdbc.sql("select code from ward where county_code = ? order by code")
            .param(COUNTY)
            .query(String.class)
            .list();
    String ward = wards.get(0);
    String forumWard = wards.get(1);
    String phone = "+254711" + String.format("%06d", System.nanoTime() % 1_000_000);
    LocalDate today = LocalDate.now(ZoneId.of("Africa/Nairobi"));

    try (BrowserContext officerSession = playwrights.phone();
        BrowserContext residentSession = playwrights.phone()) {
      Page officer = journey.watched(officerSession.newPage());
      Journey.signIn(officer, officerEmail, true);
      officer.navigate("/budget/counties/" + COUNTY + "/" + FY + "/milestones/CFSP");
      officer.locator("#f-opensOn").fill(today.toString());
      officer.locator("#f-closesOn").fill(today.plusDays(21).toString());
      officer.locator("#f-programmes").fill("Water and sanitation\nHealth services");
      officer.locator("#open-window").click();
      assertThat(officer.locator("#window-state")).containsText("Open now");
      String window = officer.url().replaceAll(".*/budget/participation/([a-z0-9]+).*", "$1");
      officer.locator("#fo-ward").selectOption(forumWard);
      officer.locator("#forum-form #f-heldOn").fill(today.toString());
      officer.locator("#forum-form #f-venue").fill("Chaka market grounds");
      officer.locator("#forum-form #f-attendance").fill("84");
      officer.locator("#add-forum").click();
      assertThat(officer.locator("#forums")).containsText("Chaka market grounds");
      Journey.screenshot(officer, "budget-01-officer-opens-cfsp");

      Page resident = journey.watched(residentSession.newPage());
      resident.navigate("/budget/participation/" + window + "?lang=sw");
      resident.locator("#v-ward").selectOption(ward);
      resident
          .locator("#v-programme")
          .selectOption(new SelectOption().setLabel("Water and sanitation"));
      resident
          .locator("#v-body")
          .fill("Tunaomba mabomba ya maji safi yafike kila kijiji cha wadi.");
      resident.locator("#v-contact").fill(phone);
      resident.locator("#v-consent").check();
      resident.locator("#v-gender").selectOption("FEMALE");
      Journey.screenshot(resident, "budget-02-resident-view-form-sw");
      resident.locator("#send-view").click();
      assertThat(resident.locator("#received")).containsText("Maoni yako yamehifadhiwa");
      String viewPage = resident.url().replaceAll("\\?.*", "");
      Journey.screenshot(resident, "budget-03-resident-view-received-sw");

      officer.navigate("/budget/participation/" + window + "/paper");
      for (String text :
          List.of(
              "Zahanati ya Chaka ipate dawa za kutosha.",
              "Maji ya bomba yafike shule ya msingi ya Chaka.")) {
        officer.locator("#p-language").selectOption("sw");
        officer.locator("#p-body").fill(text);
        officer.locator("#enter-paper").click();
        assertThat(officer.locator("#entered")).isVisible();
      }
      Journey.screenshot(officer, "budget-04-clerk-paper-views");

      officer.navigate("/budget/participation/" + window + "/consideration");
      officer.locator("#issue-form #f-title").fill("Clean water for every village");
      officer.locator("#add-issue").click();
      officer.locator("#issue-form #f-title").fill("Medicines in dispensaries");
      officer.locator("#add-issue").click();
      groupInto(officer, "maji", "Clean water for every village");
      groupInto(officer, "dawa", "Medicines in dispensaries");
      answer(
          officer,
          "Clean water for every village",
          "ADOPTED",
          "Piped water extension is in the CFSP ceilings.",
          "Water and sanitation: rural water supply");
      answer(
          officer,
          "Medicines in dispensaries",
          "PARTLY_ADOPTED",
          "Drug budget raised by a tenth, less than asked.",
          "Health services: essential medicines");
      Journey.screenshot(officer, "budget-05-officer-answers");
      officer.locator("#publish").click();
      officer.waitForURL("**/report");
      assertThat(officer.locator("main")).containsText("Clean water for every village");
      Journey.screenshot(officer, "budget-06-report-published");

      resident.navigate(viewPage);
      assertThat(resident.locator("#response")).containsText("Yamekubaliwa");
      assertThat(resident.locator("#landed")).containsText("rural water supply");
      Journey.screenshot(resident, "budget-07-resident-sees-response-sw");
      assertThat(Outbox.await(phone, sms -> sms.contains("/budget/views/")))
          .contains("Yamekubaliwa");

      officer.navigate("/budget/counties/" + COUNTY + "/" + FY + "/pb");
      officer.locator("#pb-ward").selectOption(ward);
      officer.locator("#f-envelope").fill("5000000");
      officer.locator("#open-round").click();
      String round = officer.url().replaceAll(".*/budget/pb/([a-z0-9]+).*", "$1");

      resident.navigate("/budget/pb/" + round);
      resident.locator("#proposal-form #f-title").fill("Kisima cha Gatitu");
      resident.locator("#f-description").fill("Kisima kipya karibu na soko la Gatitu.");
      resident.locator("#proposal-form #f-location").fill("Soko la Gatitu");
      resident.locator("#proposal-form #f-cost").fill("1800000");
      resident.locator("#propose").click();
      assertThat(resident.locator("#proposals")).containsText("Kisima cha Gatitu");

      officer.navigate("/budget/pb/" + round);
      officer
          .locator("#proposals li form input[name=reason]")
          .first()
          .fill("Site visited; the water table allows a borehole.");
      officer.locator("#proposals li form button").first().click();
      officer.locator("#next-phase").click();
      assertThat(officer.locator("#phase")).containsText("Voting");

      resident.navigate("/budget/pb/" + round);
      resident.locator("#c-phone").fill(phone);
      resident.locator("#send-code").click();
      assertThat(resident.locator("#code-sent")).isVisible();
      resident.locator("#proposals input[type=checkbox]").first().check();
      resident.locator("#v-code").fill(code(phone));
      Journey.screenshot(resident, "budget-08-resident-votes-sw");
      resident.locator("#vote").click();
      assertThat(resident.locator("#voted")).isVisible();

      journey.expectRefusal("/budget/pb/" + round + "/code", 409);
      resident.locator("#c-phone").fill(phone);
      resident.locator("#send-code").click();
      assertThat(resident.locator("#problem")).containsText("tayari imepiga kura");
      Journey.screenshot(resident, "budget-09-second-vote-refused-sw");
      assertThat(
              jdbc.sql(
                      "select count(*) from pb_vote v join pb_round r on r.id = v.round_id"
                          + " where r.public_id = ?")
                  .param(round)
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);
    }
  }

  /** Ticks every view whose text has {@code word} and puts them under the issue. */
  private static void groupInto(Page officer, String word, String issue) {
    var rows =
        officer
            .locator("#views tbody tr")
            .filter(
                new Locator.FilterOptions()
                    .setHasText(Pattern.compile(word, Pattern.CASE_INSENSITIVE)));
    for (int i = 0; i < rows.count(); i++) {
      rows.nth(i).locator("input[type=checkbox]").check();
    }
    officer.locator("#g-issue").selectOption(new SelectOption().setLabel(issue));
    officer.locator("#group").click();
    officer.waitForURL("**/consideration");
  }

  private static void answer(
      Page officer, String issue, String response, String reason, String landed) {
    var section =
        officer.locator("section.issue").filter(new Locator.FilterOptions().setHasText(issue));
    section.locator("select[name=response]").selectOption(response);
    section.locator("textarea[name=reason]").fill(reason);
    section.locator("input[name=landedIn]").fill(landed);
    section.locator("button[type=submit]").click();
    officer.waitForURL("**/consideration");
  }

  private static String code(String phone) {
    String sms = Outbox.await(phone, text -> !text.contains("/budget/views/"));
    String text = sms.substring(sms.indexOf('\n') + 1);
    Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
    assertThat(m.find()).as(sms).isTrue();
    return m.group(1);
  }
}
