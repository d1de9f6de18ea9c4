package ke.baraza;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Mailbox;
import ke.baraza.testing.Playwrights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person on a phone, in a real browser (Debian's Chromium through Playwright): signs up, verifies
 * the e-mail address from the mail GreenMail received, signs in, switches to Kiswahili and finds
 * their county and ward. Any browser console error fails the test: a script or style blocked by the
 * Content-Security-Policy shows up there. Screenshots of the main steps go to target/screenshots.
 */
@BarazaIntegrationTest
class BrowserIT {

  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private static Playwrights playwrights;

  private BrowserContext session;
  private Page page;
  private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

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

  @BeforeEach
  void openPhone() {
    session = playwrights.phone();
    page = session.newPage();
    page.onConsoleMessage(
        message -> {
          if ("error".equals(message.type())) {
            consoleErrors.add(page.url() + ": " + message.text() + " (" + message.location() + ")");
          }
        });
    page.onPageError(error -> consoleErrors.add(page.url() + ": uncaught " + error));
  }

  @AfterEach
  void closePhone() {
    session.close();
  }

  @Test
  void aNewPersonSignsUpOnAPhoneThenFindsAWardOfMachakosInKiswahili() {
    String name = "Wanjirũ Mutua";
    String email = "wanjiru." + System.nanoTime() + "@example.org";
    String password = "mvua ya Machakos 2031";

    // Sign up with an e-mail address.
    page.navigate("/signup");
    page.locator("#f-name").fill(name);
    page.locator("#f-contact").fill(email);
    page.locator("#f-password").fill(password);
    screenshot("01-signup");
    page.locator("main form button[type=submit]").click();
    page.waitForURL("**/signin?registered");
    assertThat(page.locator("main .notice")).isVisible();

    // Open the link of the verification mail and confirm.
    page.navigate(Mailbox.lastLink(email, "/account/verify-email"));
    page.locator("#confirm-email").click();
    page.waitForURL("**/signin?verified");

    // Sign in: the header names the person.
    page.locator("#f-username").fill(email);
    page.locator("#f-password").fill(password);
    page.locator("main form button[type=submit]").click();
    page.waitForURL(url -> url.endsWith("/"));
    assertThat(page.locator("header nav a[href='/account']")).hasText(name);
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    screenshot("02-signed-in");

    // Switch to Kiswahili with the header link.
    page.locator("#switch-language").click();
    page.waitForURL("**lang=sw");
    assertKiswahili();
    assertThat(page.locator("header nav a[href='/account']")).hasText(name);
    assertThat(page.locator("#switch-language")).hasText("English");

    // All counties, from the header menu: listed, and drawn on the map (map.js not blocked by CSP).
    page.locator("header nav")
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Kaunti"))
        .click();
    page.waitForURL(url -> url.endsWith("/counties"));
    assertKiswahili();
    assertThat(page.locator("h1")).hasText("Kaunti 47 za Kenya");
    assertThat(page.locator("#county-list li")).hasCount(47);
    assertThat(page.locator(".map path.leaflet-interactive")).hasCount(47);
    screenshot("03-counties-map");

    // Machakos (016) through the county selector in the header.
    page.locator("#county-select").selectOption("016");
    page.locator("header form.county-select button[type=submit]").click();
    page.waitForURL(url -> url.endsWith("/counties/016"));
    assertKiswahili();
    assertThat(page.locator("h1")).containsText("Kaunti ya Machakos");
    assertThat(page.locator("#county-select")).hasValue("016");
    assertThat(page.locator("section.subcounty h3")).hasCount(8);
    Locator masinga = subCounty("Masinga");
    Locator yatta = subCounty("Yatta");
    assertThat(masinga).isVisible();
    assertThat(yatta).isVisible();
    assertThat(yatta.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Matuu")))
        .isVisible();
    assertThat(page.locator(".map path.leaflet-interactive")).hasCount(8);
    screenshot("04-machakos-sw");

    // A ward of Masinga: Kiswahili heading, breadcrumbs back to county and sub-county, its map.
    masinga
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Masinga Central"))
        .click();
    page.waitForURL(url -> url.endsWith("/wards/0372"));
    assertKiswahili();
    assertThat(page.locator("h1")).containsText("Wadi ya Masinga Central");
    assertThat(page.locator("nav.crumbs")).containsText("Machakos");
    assertThat(page.locator("nav.crumbs")).containsText("Masinga");
    assertThat(page.locator(".map path.leaflet-interactive")).hasCount(1);
    screenshot("05-ward-sw");

    // The ward page leads to the organisations working there; the directory maps Machakos' wards.
    page.locator("main a[href*='/directory?county=016']").first().click();
    page.waitForURL(url -> url.contains("/directory?county=016"));
    assertKiswahili();
    assertThat(page.locator("h1")).containsText("Saraka");
    assertThat(page.locator(".map path.leaflet-interactive")).hasCount(40);
    screenshot("06-directory-sw");

    assertThat(consoleErrors).as("browser console errors").isEmpty();
  }

  /** The page is in Kiswahili: its language, and the sign-out button of the header. */
  private void assertKiswahili() {
    assertThat(page.locator("html")).hasAttribute("lang", "sw");
    assertThat(page.locator("header button.link")).hasText("Toka");
    assertThat(page.locator("header nav")).containsText("Kaunti");
  }

  private Locator subCounty(String name) {
    return page.locator("section.subcounty")
        .filter(
            new Locator.FilterOptions()
                .setHas(
                    page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(3))));
  }

  private void screenshot(String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
