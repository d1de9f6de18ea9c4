package ke.baraza.disclosures;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.directory.PeopleFixtures;
import ke.baraza.platform.FileMetadataTests;
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
 * Issue 6's journey on phones: a handler of the county's ombudsman desk sets a passphrase and takes
 * up the desk; a whistleblower, in Kiswahili and without any cookie, sends a report with a photo
 * and keeps the receipt; the handler reads it and asks a question; the whistleblower answers with
 * the receipt; an administrator is refused. Screenshots go to target/screenshots.
 */
@BarazaIntegrationTest
class DisclosuresBrowserIT {

  private static final String COUNTY = "037";
  private static final String PASSPHRASE = "jua la asubuhi juu ya Kakamega";

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
  void aWhistleblowerReportsWithEvidenceAndAnswersTheHandlersQuestionWithTheReceipt()
      throws IOException {
    Browser admin = PeopleFixtures.staff(jdbc, "ombudsman-admin", "ADMINISTRATOR", COUNTY);
    String deskName = "Kakamega Ombudsman Desk " + PeopleFixtures.n();
    String desk = PeopleFixtures.body(admin, COUNTY, deskName, "STEERING_COMMITTEE");
    String handlerEmail = AccountFixtures.verifiedAccount("ombudsman-handler");
    AccountFixtures.grantFor(jdbc, handlerEmail, "DISCLOSURE_HANDLER", COUNTY, desk);
    String adminEmail = AccountFixtures.verifiedAccount("county-admin");
    AccountFixtures.grant(jdbc, adminEmail, "ADMINISTRATOR", COUNTY);

    try (BrowserContext handlerSession = playwrights.phone()) {
      Page handler = journey.watched(handlerSession.newPage());
      Journey.signIn(handler, handlerEmail, true);
      handler.navigate("/disclosures/handling");
      handler.locator("#f-passphrase").fill(PASSPHRASE);
      handler.locator("#f-repeat").fill(PASSPHRASE);
      handler.locator("main form button[type=submit]").click();
      assertThat(handler.locator("#unlocked")).isVisible();
      handler.locator("#f-county").selectOption(COUNTY);
      handler.locator("main form.inline button").first().click();
      handler.getByText("Receive disclosures for " + deskName).click();
      assertThat(handler.locator("main ul").first()).containsText(deskName);

      String receipt;
      String what = "Mkandarasi wa barabara ya Lurambi alilipwa mara mbili kwa kazi moja.";
      try (BrowserContext whistleblowerSession = playwrights.phone()) {
        Page page = journey.watched(whistleblowerSession.newPage());
        page.navigate("/disclosures?lang=sw");
        assertThat(page.locator("h1")).containsText("Ripoti uovu kwa usalama");
        page.locator("#f-county").selectOption(COUNTY);
        page.locator("main form button[type=submit]").click();
        page.locator("#f-body")
            .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(deskName));
        page.locator("#f-what").fill(what);
        page.locator("#f-where").fill("Ofisi ya barabara, Lurambi");
        assertThat(page.locator("#metadata-warning")).containsText("taarifa zilizofichika");
        assertThat(page.locator("#f-strip")).isChecked();
        page.locator("#f-files")
            .setInputFiles(
                new FilePayload("risiti.jpg", "image/jpeg", FileMetadataTests.jpegWithGps()));
        Journey.screenshot(page, "disclosures-01-whistleblower-form-sw");
        page.locator("main form button[type=submit]").click();
        receipt = page.locator("#receipt").textContent().strip();
        assertThat(receipt).matches("[0-9A-Z]{4}( [0-9A-Z]{4}){4}");
        assertThat(page.locator("main")).containsText("risiti.jpg");
        assertThat(page.locator("main")).containsText("taarifa zilizofichika zimeondolewa");
        assertThat(page.locator("main")).containsText("Hifadhi nambari yako ya siri");
        Journey.screenshot(page, "disclosures-02-whistleblower-receipt-sw");
        assertThat(whistleblowerSession.cookies()).as("no cookie on disclosure pages").isEmpty();
      }

      handler.navigate("/disclosures/handling");
      handler.locator("main table a").first().click();
      assertThat(handler.locator("main")).containsText(what);
      assertThat(handler.locator("main ul.files")).containsText("risiti.jpg");
      assertThat(handler.locator("main ul.files")).containsText("hidden details removed");
      handler.locator("#f-message").fill("Je, una nakala ya malipo ya pili? Ni tarehe gani?");
      handler.locator("input[name=to][value=whistleblower]").check();
      handler.locator("main form.stack button[type=submit]").click();
      assertThat(handler.locator("main ol.timeline")).containsText("nakala ya malipo ya pili");
      String caseUrl = handler.url();
      Journey.screenshot(handler, "disclosures-03-handler-case");

      try (BrowserContext whistleblowerSession = playwrights.phone()) {
        Page page = journey.watched(whistleblowerSession.newPage());
        page.navigate("/disclosures/return?lang=sw");
        page.locator("#f-receipt").fill(receipt.toLowerCase().replace(" ", ""));
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("main ol.timeline")).containsText("nakala ya malipo ya pili");
        page.locator("#f-message").fill("Ndiyo, malipo ya pili yalifanywa tarehe 3 Machi 2026.");
        page.locator("main form[action='/disclosures/return/messages'] button").click();
        assertThat(page.locator("main ol.timeline")).containsText("tarehe 3 Machi 2026");
        Journey.screenshot(page, "disclosures-04-whistleblower-answers-sw");
        assertThat(whistleblowerSession.cookies()).isEmpty();
      }

      handler.navigate(caseUrl);
      assertThat(handler.locator("main ol.timeline")).containsText("tarehe 3 Machi 2026");

      try (BrowserContext adminSession = playwrights.phone()) {
        Page page = journey.watched(adminSession.newPage());
        Journey.signIn(page, adminEmail, true);
        journey.expectRefusal(caseUrl, 404);
        Response refused = page.navigate(caseUrl);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(page.locator("main")).not().containsText(what);
        Journey.screenshot(page, "disclosures-05-administrator-refused");
      }
    }
    assertThat(journey.consoleErrors()).isEmpty();
  }
}
