package ke.baraza.accounts;

import static ke.baraza.accounts.AccountFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.accounts.internal.AuthenticatorApp;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Roles per county, the second factor they need, and who may grant them. */
@BarazaIntegrationTest
class RolesIT {

  @Autowired JdbcClient jdbc;

  @Test
  void aPrivilegedRoleCannotBeUsedWithoutTheSecondFactor() {
    String email = AccountFixtures.verifiedAccount("official");
    AccountFixtures.grant(jdbc, email, "COUNTY_OFFICIAL", "016");
    Browser browser = new Browser();
    HttpResponse<String> password = AccountFixtures.signIn(browser, email, PASSWORD);
    assertThat(password.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/account/second-factor"));
    assertThat(browser.get("/account").headers().firstValue("Location"))
        .as("only the second-factor pages until it is done")
        .hasValueSatisfying(l -> assertThat(l).endsWith("/account/second-factor"));

    String secret = AccountFixtures.signInWithSecondFactor(new Browser(), email, null);
    Browser next = new Browser();
    AccountFixtures.signIn(next, email, PASSWORD);
    next.get("/signin/second-factor");
    assertThat(next.post("/signin/second-factor", Map.of("code", "123456")).statusCode())
        .isEqualTo(400);
    String nextCode = AuthenticatorApp.codeAt(secret, 1);
    HttpResponse<String> ok = next.post("/signin/second-factor", Map.of("code", nextCode));
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(next.get("/account").statusCode()).isEqualTo(200);
    assertThat(next.get("/account").body()).contains("County official");

    Browser replay = new Browser();
    AccountFixtures.signIn(replay, email, PASSWORD);
    replay.get("/signin/second-factor");
    assertThat(replay.post("/signin/second-factor", Map.of("code", nextCode)).statusCode())
        .as("a code is accepted once")
        .isEqualTo(400);
  }

  @Test
  void aCountyAdministratorGrantsRolesInTheirCountyOnly() {
    String admin = AccountFixtures.verifiedAccount("admin016");
    AccountFixtures.grant(jdbc, admin, "ADMINISTRATOR", "016");
    String person = AccountFixtures.verifiedAccount("coordinator");
    String personId = publicId(person);
    Browser browser = new Browser();
    AccountFixtures.signInWithSecondFactor(browser, admin, null);

    HttpResponse<String> list = browser.get("/admin/users?q=" + Browser.enc(person));
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(person, "/admin/users/" + personId);

    browser.get("/admin/users/" + personId);
    HttpResponse<String> granted =
        browser.post(
            "/admin/users/" + personId + "/grants",
            Map.of("role", "NETWORK_COORDINATOR", "county", "016"));
    assertThat(granted.statusCode()).isEqualTo(302);
    assertThat(grants(person)).containsExactly("NETWORK_COORDINATOR@016");

    browser.get("/admin/users/" + personId);
    HttpResponse<String> elsewhere =
        browser.post(
            "/admin/users/" + personId + "/grants",
            Map.of("role", "COUNTY_OFFICIAL", "county", "047"));
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    browser.get("/admin/users/" + personId);
    HttpResponse<String> everywhere =
        browser.post(
            "/admin/users/" + personId + "/grants", Map.of("role", "ADMINISTRATOR", "county", "*"));
    assertThat(everywhere.statusCode()).isEqualTo(403);
    browser.get("/admin/users/" + personId);
    HttpResponse<String> unknownCounty =
        browser.post(
            "/admin/users/" + personId + "/grants",
            Map.of("role", "COUNTY_OFFICIAL", "county", "999"));
    assertThat(unknownCounty.statusCode()).isEqualTo(400);
    assertThat(grants(person)).containsExactly("NETWORK_COORDINATOR@016");

    String page = browser.get("/admin/users/" + personId).body();
    Matcher revoke =
        Pattern.compile("action=\"(/admin/users/" + personId + "/grants/\\d+/revoke)\"")
            .matcher(page);
    assertThat(revoke.find()).isTrue();
    assertThat(browser.post(revoke.group(1), Map.of()).statusCode()).isEqualTo(302);
    assertThat(grants(person)).isEmpty();
  }

  @Test
  void privilegedRolesGoOnlyToVerifiedAccounts() {
    String admin = AccountFixtures.verifiedAccount("admin047");
    AccountFixtures.grant(jdbc, admin, "ADMINISTRATOR", "047");
    String unverified = AccountFixtures.uniqueEmail("unverified");
    assertThat(
            new Browser()
                .postJson(
                    "/api/v1/accounts",
                    "{\"name\":\"U\",\"contact\":"
                        + Browser.json(unverified)
                        + ",\"password\":"
                        + Browser.json(PASSWORD)
                        + "}")
                .statusCode())
        .isEqualTo(201);
    Browser browser = new Browser();
    AccountFixtures.signInWithSecondFactor(browser, admin, null);
    String id = publicId(unverified);
    browser.get("/admin/users/" + id);
    assertThat(
            browser
                .post(
                    "/admin/users/" + id + "/grants", Map.of("role", "OVERSIGHT", "county", "047"))
                .statusCode())
        .isEqualTo(400);
    assertThat(grants(unverified)).isEmpty();
  }

  @Test
  void citizensAndAnonymousVisitorsCannotReachAdministration() {
    String citizen = AccountFixtures.verifiedAccount("citizen");
    Browser browser = new Browser();
    AccountFixtures.signIn(browser, citizen, PASSWORD);
    assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
    browser.get("/account");
    assertThat(
            browser
                .post(
                    "/admin/users/" + publicId(citizen) + "/grants",
                    Map.of("role", "ADMINISTRATOR", "county", "*"))
                .statusCode())
        .isEqualTo(403);
    assertThat(grants(citizen)).isEmpty();
    assertThat(new Browser().get("/admin/users").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
  }

  @Test
  void countyStaffAddVillagesToWardsOfTheirOwnCountyOnly() {
    String official = AccountFixtures.verifiedAccount("villages");
    AccountFixtures.grant(jdbc, official, "COUNTY_OFFICIAL", "016");
    Browser browser = new Browser();
    AccountFixtures.signInWithSecondFactor(browser, official, null);
    String village = "Kivaani " + System.nanoTime();
    String masingaWard =
        jdbc.sql(
                "select w.code from ward w join subcounty s on s.code = w.subcounty_code where s.name = 'Masinga' order by w.code")
            .query(String.class)
            .list()
            .get(0);
    assertThat(browser.get("/wards/" + masingaWard).body()).contains("name=\"name\"");
    HttpResponse<String> added =
        browser.post("/wards/" + masingaWard + "/villages", Map.of("name", village));
    assertThat(added.statusCode()).isEqualTo(302);
    browser.get("/wards/" + masingaWard);
    browser.post(
        "/wards/" + masingaWard + "/villages", Map.of("name", "  " + village.toUpperCase() + " "));
    assertThat(browser.get("/wards/" + masingaWard).body()).contains(village);
    assertThat(
            jdbc.sql("select count(*) from village where ward_code = ?")
                .param(masingaWard)
                .query(Long.class)
                .single())
        .as("the same name twice is one village")
        .isEqualTo(1);

    browser.get("/wards/0001");
    assertThat(browser.post("/wards/0001/villages", Map.of("name", "Not mine")).statusCode())
        .isEqualTo(403);
    browser.get("/wards/" + masingaWard);
    assertThat(
            browser.post("/wards/" + masingaWard + "/villages", Map.of("name", " ")).statusCode())
        .isEqualTo(400);

    String citizen = AccountFixtures.verifiedAccount("villager");
    Browser plain = new Browser();
    AccountFixtures.signIn(plain, citizen, PASSWORD);
    plain.get("/wards/" + masingaWard);
    assertThat(
            plain.post("/wards/" + masingaWard + "/villages", Map.of("name", "Mine")).statusCode())
        .isEqualTo(403);
  }

  private String publicId(String email) {
    return jdbc.sql("select public_id from account where email = ?")
        .param(email)
        .query(String.class)
        .single();
  }

  private java.util.List<String> grants(String email) {
    return jdbc.sql(
            "select g.role || '@' || coalesce(g.county_code, '*') from role_grant g join account a on a.id = g.account_id where a.email = ? order by 1")
        .param(email)
        .query(String.class)
        .list();
  }
}
