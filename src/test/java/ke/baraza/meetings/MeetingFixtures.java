package ke.baraza.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.directory.PeopleFixtures;
import ke.baraza.testing.Browser;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts and meetings made through the pages, as people make them; directory records come from
 * {@link PeopleFixtures}.
 */
final class MeetingFixtures {

  private MeetingFixtures() {}

  /** A signed-in account holding {@code role} for one body or organisation. */
  static Browser holderFor(JdbcClient jdbc, String role, String county, String scope) {
    String email = AccountFixtures.verifiedAccount(role.toLowerCase());
    AccountFixtures.grantFor(jdbc, email, role, county, scope);
    Browser browser = new Browser();
    if ("ORGANISATION_EDITOR".equals(role)) {
      AccountFixtures.signIn(browser, email, AccountFixtures.PASSWORD);
    } else {
      AccountFixtures.signInWithSecondFactor(browser, email, null);
    }
    return browser;
  }

  /** A signed-in account without any role. */
  static Browser citizen() {
    Browser browser = new Browser();
    AccountFixtures.signIn(
        browser, AccountFixtures.verifiedAccount("citizen"), AccountFixtures.PASSWORD);
    return browser;
  }

  /** A person of an organisation; returns their public id. */
  static String person(
      Browser browser, String organisation, String name, String email, String lang) {
    return PeopleFixtures.person(
        browser, organisation, Map.of("name", name, "email", email, "language", lang));
  }

  /** The form of a one-off public coordination meeting on {@code date}, 10:00 to 13:00. */
  static Map<String, String> form(String title, String date) {
    Map<String, String> form = new HashMap<>();
    form.put("title", title);
    form.put("kind", "COORDINATION_MEETING");
    form.put("venue", "Masinga Sub-County Hall");
    form.put("startDate", date);
    form.put("startTime", "10:00");
    form.put("endTime", "13:00");
    form.put("visibility", "PUBLIC");
    form.put("recurrence", "NONE");
    return form;
  }

  /** Posts the new-meeting form; the response. */
  static HttpResponse<String> schedule(
      Browser browser, String organiser, Map<String, String> form) {
    browser.get("/meetings/new?organiser=" + organiser);
    Map<String, String> all = new HashMap<>(form);
    all.put("organiser", organiser);
    return browser.post("/meetings", all);
  }

  /** Schedules a meeting and returns its public id (the first, for a repeating one). */
  static String meeting(Browser browser, String organiser, Map<String, String> form) {
    HttpResponse<String> created = schedule(browser, organiser, form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return PeopleFixtures.after(created, "/meetings/");
  }
}
