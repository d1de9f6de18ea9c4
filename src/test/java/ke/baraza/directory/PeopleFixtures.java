package ke.baraza.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.testing.Browser;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Organisations, bodies and people made through the pages, as the people and posts tests need. */
public final class PeopleFixtures {

  private PeopleFixtures() {}

  /** A signed-in account holding {@code role} in {@code county} (second factor done). */
  public static Browser staff(JdbcClient jdbc, String who, String role, String county) {
    String email = AccountFixtures.verifiedAccount(who);
    AccountFixtures.grant(jdbc, email, role, county);
    Browser browser = new Browser();
    AccountFixtures.signInWithSecondFactor(browser, email, null);
    return browser;
  }

  /** A signed-in editor of one organisation. */
  public static Browser editorOf(JdbcClient jdbc, String organisation, String county) {
    String email = AccountFixtures.verifiedAccount("editor");
    AccountFixtures.grantFor(jdbc, email, "ORGANISATION_EDITOR", county, organisation);
    Browser browser = new Browser();
    AccountFixtures.signIn(browser, email, AccountFixtures.PASSWORD);
    return browser;
  }

  /** Adds an organisation as county staff would; returns its public id. */
  public static String organisation(Browser staff, String county, String name) {
    return organisation(staff, county, name, null);
  }

  /** Adds an organisation with an e-mail address (none when {@code email} is null). */
  public static String organisation(Browser staff, String county, String name, String email) {
    staff.get("/directory");
    Map<String, String> fields =
        new HashMap<>(Map.of("county", county, "name", name, "type", "CBO"));
    if (email != null) {
      fields.put("email", email);
    }
    HttpResponse<String> created = staff.post("/organisations", fields);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return after(created, "/organisations/");
  }

  /** Adds a network to the county; returns its public id. */
  public static String body(Browser staff, String county, String name) {
    return body(staff, county, name, "NETWORK");
  }

  /** Adds a body of {@code kind} to the county; returns its public id. */
  public static String body(Browser staff, String county, String name, String kind) {
    staff.get("/bodies/new?county=" + county);
    HttpResponse<String> created =
        staff.post("/bodies", Map.of("county", county, "name", name, "kind", kind));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return after(created, "/bodies/");
  }

  /** Makes an organisation an active member of a body. */
  public static void admit(Browser manager, String body, String organisation) {
    manager.get("/bodies/" + body);
    assertThat(
            manager
                .post(
                    "/bodies/" + body + "/members",
                    Map.of("organisation", organisation, "since", "2023-01-01"))
                .statusCode())
        .isEqualTo(302);
  }

  /** Posts the new-person form for an organisation. */
  public static HttpResponse<String> addPerson(
      Browser browser, String organisation, Map<String, String> fields) {
    browser.get("/people/new?organisation=" + organisation);
    Map<String, String> all = new HashMap<>(fields);
    all.put("organisation", organisation);
    return browser.post("/people", all);
  }

  /** Adds a person and returns their public id. */
  public static String person(Browser browser, String organisation, Map<String, String> fields) {
    HttpResponse<String> created = addPerson(browser, organisation, fields);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return after(created, "/people/");
  }

  public static String after(HttpResponse<String> redirect, String prefix) {
    return redirect
        .headers()
        .firstValue("Location")
        .orElseThrow()
        .replaceAll(".*" + prefix, "")
        .replaceAll("[?;#].*", "");
  }

  public static String n() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }
}
