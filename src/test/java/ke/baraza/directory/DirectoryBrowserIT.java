package ke.baraza.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.accounts.internal.AuthenticatorApp;
import ke.baraza.platform.TabularExport;
import ke.baraza.platform.TabularFiles;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Table;
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
 * Issue 3's journey in a real browser on a phone: a network coordinator of Machakos creates a
 * network, imports its members from an Excel file with bad rows, downloads the bad rows, fixes and
 * imports them, and approves a group's application; a citizen then finds the network, and a member
 * on the directory and its ward map. Browser console errors fail the test. Screenshots go to
 * target/screenshots.
 */
@BarazaIntegrationTest
class DirectoryBrowserIT {

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
  void aCoordinatorBuildsANetworkFromAListAndACitizenFindsItsMembers() throws IOException {
    String n = PeopleFixtures.n();
    String network = "Yatta Civil Society Network " + n;
    String group = "Kivaa Youth Group " + n;
    String coordinatorEmail = AccountFixtures.verifiedAccount("yatta-coordinator");
    AccountFixtures.grant(jdbc, coordinatorEmail, "NETWORK_COORDINATOR", "016");
    Browser official = PeopleFixtures.staff(jdbc, "yatta-official", "COUNTY_OFFICIAL", "016");
    String applicant = PeopleFixtures.organisation(official, "016", "Kithimani Women Group " + n);
    Browser applicantEditor = PeopleFixtures.editorOf(jdbc, applicant, "016");
    PeopleFixtures.organisation(official, "016", "Outsider CBO " + n);

    String bodyPath;
    try (BrowserContext session = playwrights.phone()) {
      Page page = journey.watched(session.newPage());

      // Sign in: a coordinator enrols the authenticator app on first sign-in.
      page.navigate("/signin");
      page.locator("#f-username").fill(coordinatorEmail);
      page.locator("#f-password").fill(AccountFixtures.PASSWORD);
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/account/second-factor");
      String secret = page.locator("#totp-secret").textContent().replace(" ", "");
      page.locator("#f-code").fill(AuthenticatorApp.codeNow(secret));
      page.locator("main form button[type=submit]").click();
      page.waitForURL(url -> !url.contains("second-factor"));

      // Create the network.
      page.navigate("/bodies?county=016");
      page.locator("main a[href='/bodies/new?county=016']").click();
      page.locator("#f-name").fill(network);
      page.locator("#f-kind").selectOption("NETWORK");
      page.locator("main form button[type=submit]").click();
      page.waitForURL(url -> url.matches(".*/bodies/[a-z0-9]+$"));
      assertThat(page.locator("h1")).containsText(network);
      bodyPath = page.url().replaceAll("^https?://[^/]+", "");

      // Import the member list: two good rows, two bad ones.
      page.locator("main a[href$='/imports']").click();
      page.waitForURL("**/imports");
      Path list = Files.createTempFile("members", ".xlsx");
      try (OutputStream out = Files.newOutputStream(list)) {
        TabularExport.xlsx(
            List.of("First Name", "Last Name", "Email", "Organization", "Job Title", "Ward"),
            List.of(
                List.of("Faith", "Mwende", "", group, "Chair", "Matuu"),
                List.of("John", "Kioko", "", "Ikombe Self Help Group " + n, "Secretary", "Ikombe"),
                List.of(
                    "Peter", "Musyoka", "peter(at)example", "Kinyaata CBO " + n, "", "Kithimani"),
                List.of("Ann", "Ndunge", "", "Ndalani Widows " + n, "Member", "Atlantis")),
            out);
      }
      page.locator("#f-file").setInputFiles(list);
      Journey.screenshot(page, "10-import-upload");
      page.locator("main form[enctype='multipart/form-data'] button[type=submit]").click();
      page.waitForURL(url -> url.matches(".*/imports/[a-z0-9]+$"));
      assertThat(page.locator("main")).containsText("Rows ready to import: 2");
      assertThat(page.locator("main")).containsText("Rows with problems, left out: 2");
      assertThat(page.locator("main"))
          .containsText("There is no ward \"Atlantis\" in this county.");
      Journey.screenshot(page, "11-import-preview");
      page.locator("main form[action$='/apply'] button").click();
      assertThat(page.locator("main .notice")).containsText("Imported.");

      // Download the rows with problems, fix them, import them again.
      Download download =
          page.waitForDownload(() -> page.locator("main a[href$='/invalid.xlsx']").click());
      Table bad;
      try (InputStream in = download.createReadStream()) {
        bad = TabularFiles.read(in, "invalid.xlsx", Limits.DEFAULTS);
      }
      assertThat(bad.rows()).hasSize(2);
      assertThat(bad.header().getLast()).isEqualTo("Problems");
      List<List<String>> fixed = new ArrayList<>();
      for (TabularFiles.Row row : bad.rows()) {
        List<String> cells = new ArrayList<>(row.cells());
        if (cells.get(0).equals("Peter")) {
          cells.set(2, "peter." + n + "@example.org");
        } else {
          cells.set(5, "Ndalani");
        }
        cells.set(6, "");
        fixed.add(cells);
      }
      Path fixedFile = Files.createTempFile("fixed", ".xlsx");
      try (OutputStream out = Files.newOutputStream(fixedFile)) {
        TabularExport.xlsx(bad.header(), fixed, out);
      }
      page.navigate(bodyPath + "/imports");
      page.locator("#f-file").setInputFiles(fixedFile);
      page.locator("main form[enctype='multipart/form-data'] button[type=submit]").click();
      page.waitForURL(url -> url.matches(".*/imports/[a-z0-9]+$"));
      assertThat(page.locator("main")).containsText("Rows ready to import: 2");
      assertThat(page.locator("main")).containsText("Rows with problems, left out: 0");
      page.locator("main form[action$='/apply'] button").click();
      assertThat(page.locator("main .notice")).containsText("Imported.");

      // A group applies (its editor, elsewhere); the coordinator approves on the network page.
      applicantEditor.get(bodyPath);
      HttpResponse<String> applied =
          applicantEditor.post(bodyPath + "/applications", Map.of("organisation", applicant));
      assertThat(applied.statusCode()).isEqualTo(302);
      page.navigate(bodyPath);
      page.locator("#applications button[value=APPROVE]").click();
      page.waitForURL(url -> url.endsWith(bodyPath) || url.contains(bodyPath + "?"));
      assertThat(page.locator("main")).containsText("Members (5)");
      assertThat(page.locator("main .tree a", new Page.LocatorOptions().setHasText(group)))
          .isVisible();
      Journey.screenshot(page, "12-network-members");
    }

    try (BrowserContext citizen = playwrights.phone()) {
      Page page = journey.watched(citizen.newPage());
      // The network on the county's list of networks, with its members by ward.
      page.navigate("/bodies?county=016");
      page.locator("main a", new Page.LocatorOptions().setHasText(network)).click();
      assertThat(page.locator("main .tree a", new Page.LocatorOptions().setHasText(group)))
          .isVisible();
      assertThat(page.locator("main")).not().containsText("Import members");

      // The member on the directory, found with a typo, and its ward on the map.
      page.navigate("/directory?county=016&q=" + "Kivaa Youth Grup " + n);
      assertThat(page.locator("main")).containsText(group);
      assertThat(page.locator("#directory-map path.leaflet-interactive")).hasCount(40);
      Journey.screenshot(page, "13-citizen-directory");

      // The network's members through the directory's filters: all five, the typo search cleared.
      page.navigate("/directory?county=016");
      page.locator("details.more-filters summary").click();
      page.locator("#f-network").selectOption(bodyPath.replace("/bodies/", ""));
      page.locator("main form[role=search] button[type=submit]").click();
      page.waitForURL(url -> url.contains("network="));
      assertThat(page.locator("main a", new Page.LocatorOptions().setHasText(group))).isVisible();
      assertThat(page.locator("main")).containsText("Kithimani Women Group " + n);
      assertThat(page.locator("main")).not().containsText("Outsider CBO " + n);
      page.locator("main a", new Page.LocatorOptions().setHasText(group)).first().click();
      assertThat(page.locator("h1")).containsText(group);
      assertThat(page.locator("main")).containsText("Matuu");
      assertThat(page.locator("main")).containsText(network);
      Journey.screenshot(page, "14-citizen-member");
    }
    assertThat(journey.consoleErrors()).as("browser console errors").isEmpty();
  }
}
