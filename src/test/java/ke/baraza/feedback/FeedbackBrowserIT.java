package ke.baraza.feedback;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static ke.baraza.feedback.CaseworkFixtures.messagesTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
 * Issue 5's journey on phones: a citizen files a complaint in Kiswahili (the form points to an open
 * complaint of the same kind in the ward) and gets a reference and private code; an officer of the
 * water department acknowledges, replies and resolves it; the citizen tracks it with the code and
 * rates the resolution. Browser console errors fail the test. Screenshots go to target/screenshots.
 */
@BarazaIntegrationTest
class FeedbackBrowserIT {

  /** Kirinyaga. */
  private static final String COUNTY = "020";

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
  void aCitizenComplainsInKiswahiliAndADepartmentOfficerResolvesIt() {
    Browser official =
        FeedbackFixtures.staff(jdbc, "kirinyaga-official", "COUNTY_OFFICIAL", COUNTY);
    String water = CaseworkFixtures.department(official, COUNTY, "Idara ya Maji Kirinyaga");
    CaseworkFixtures.routeWater(official, COUNTY, water, 2, 14);
    String ward = CaseworkFixtures.wards(jdbc, COUNTY).getFirst();
    CaseworkFixtures.Case earlier =
        CaseworkFixtures.file("sw", COUNTY, "water", ward, "Maji hayatoki kwenye kioski.");
    String officerEmail = AccountFixtures.verifiedAccount("kirinyaga-water");
    AccountFixtures.grantFor(jdbc, officerEmail, "COUNTY_OFFICIAL", COUNTY, water);
    String phone = FeedbackFixtures.uniquePhone();

    String reference;
    String code;
    try (BrowserContext citizen = playwrights.phone()) {
      Page page = journey.watched(citizen.newPage());
      page.navigate("/feedback/" + COUNTY + "/new?lang=sw");
      assertThat(page.locator("h1")).containsText("Kirinyaga");
      page.locator("#f-serviceArea").selectOption(COUNTY + "-water");
      page.locator("#f-wardCode").selectOption(ward);
      assertThat(page.locator("#similar-cases")).containsText(earlier.reference());
      page.locator("#f-description")
          .fill("Bomba la maji karibu na shule ya msingi limepasuka tangu Jumatatu.");
      page.locator("#f-contact").fill(phone.replace("+254", "0"));
      Journey.screenshot(page, "feedback-01-citizen-form-sw");
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/track/**");
      reference = page.url().replaceAll(".*/track/", "").replaceAll("[?#].*", "");
      code = page.locator("#private-code").textContent().strip();
      assertThat(page.locator("#status")).containsText("Imepokelewa");
      Journey.screenshot(page, "feedback-02-citizen-reference-sw");
    }
    assertThat(messagesTo(phone).getFirst()).contains(reference);

    try (BrowserContext officer = playwrights.phone()) {
      Page page = journey.watched(officer.newPage());
      page.navigate("/signin");
      page.locator("#f-username").fill(officerEmail);
      page.locator("#f-password").fill(AccountFixtures.PASSWORD);
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/account/second-factor");
      String secret = page.locator("#totp-secret").textContent().replace(" ", "");
      page.locator("#f-code").fill(AuthenticatorApp.codeNow(secret));
      page.locator("main form button[type=submit]").click();
      page.waitForURL(url -> !url.contains("second-factor"));

      page.navigate("/feedback/" + COUNTY + "/casework");
      assertThat(page.locator("main table")).containsText(reference);
      assertThat(page.locator("main table")).containsText("On time");
      Journey.screenshot(page, "feedback-03-officer-queue");
      page.locator("main a[href$='/casework/" + reference + "']").click();
      page.waitForURL("**/casework/" + reference);
      assertThat(page.locator("#description")).containsText("Bomba la maji");
      page.locator("#acknowledge").click();
      assertThat(page.locator("#notice")).containsText("Acknowledged");
      page.locator("#p-text").fill("Fundi wa maji atafika kesho saa tatu asubuhi.");
      page.locator("#reply").click();
      assertThat(page.locator("#notice")).containsText("Reply sent");
      page.locator("#n-text").fill("Valve stock is low at the depot.");
      page.locator("#note").click();
      page.locator("#r-text").fill("Bomba limebadilishwa na maji yanatoka.");
      page.locator("#resolve").click();
      assertThat(page.locator("#status")).containsText("Resolved");
      Journey.screenshot(page, "feedback-04-officer-case-resolved");
    }
    assertThat(String.join("\n", messagesTo(phone)))
        .contains("imekiri kupokea", "Fundi wa maji atafika", "limetatuliwa")
        .doesNotContain("Valve stock");

    try (BrowserContext citizen = playwrights.phone()) {
      Page page = journey.watched(citizen.newPage());
      page.navigate("/track/" + reference + "?lang=sw");
      assertThat(page.locator("#status")).containsText("Imetatuliwa");
      assertThat(page.locator("main")).containsText("Fundi wa maji atafika");
      assertThat(page.locator("main")).not().containsText("Valve stock");
      page.locator("#f-code").fill(code);
      page.locator("main form[action='/track/" + reference + "'] button").click();
      assertThat(page.locator("#description")).containsText("Bomba la maji");
      page.locator("input[name=stars][value='5']").check();
      page.locator("#f-comment").fill("Asanteni, walikuja haraka.");
      Journey.screenshot(page, "feedback-05-citizen-rates-sw");
      page.locator("#rate + form button[type=submit]").click();
      assertThat(page.locator("#notice")).containsText("Asante kwa tathmini yako");
      assertThat(page.locator("#rated")).containsText("5 kati ya 5");
      Journey.screenshot(page, "feedback-06-citizen-rated-sw");
    }
    assertThat(FeedbackFixtures.column(jdbc, reference, "rating", Integer.class)).isEqualTo(5);
    assertThat(journey.consoleErrors()).isEmpty();
  }
}
