package ke.baraza.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.directory.PeopleFixtures;
import ke.baraza.testing.Browser;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Activities recorded through the pages, as organisations record them. */
final class ActivityFixtures {

  private ActivityFixtures() {}

  /** The codes of a county's wards, in code order. */
  static List<String> wards(JdbcClient jdbc, String county) {
    return jdbc.sql("select code from ward where county_code = ? order by code")
        .param(county)
        .query(String.class)
        .list();
  }

  /**
   * The form of a public, ongoing activity targeting women and youth; {@code wards} are
   * comma-separated ward codes.
   */
  static Map<String, String> form(
      String title, String theme, String wards, String start, String end) {
    Map<String, String> form = new HashMap<>();
    form.put("title", title);
    form.put("theme", theme);
    form.put("wards", wards);
    form.put("startDate", start);
    form.put("endDate", end);
    form.put("budget", "250,000");
    form.put("fundingSource", "County Government and partners");
    form.put("status", "ONGOING");
    form.put("visibility", "PUBLIC");
    form.put("targetedFemale", "120");
    form.put("targetedYouth", "80");
    form.put("reachedFemale", "45");
    return form;
  }

  /** The same form with some fields changed. */
  static Map<String, String> with(Map<String, String> form, String... pairs) {
    Map<String, String> changed = new HashMap<>(form);
    for (int i = 0; i < pairs.length; i += 2) {
      changed.put(pairs[i], pairs[i + 1]);
    }
    return changed;
  }

  /** Posts the new-activity form for an organisation; the response. */
  static HttpResponse<String> submit(
      Browser browser, String organisation, Map<String, String> form) {
    browser.get("/activities/new?organisation=" + organisation);
    Map<String, String> all = new HashMap<>(form);
    all.put("organisation", organisation);
    return browser.post("/activities", all);
  }

  /** Records an activity and returns its public id. */
  static String record(Browser browser, String organisation, Map<String, String> form) {
    HttpResponse<String> created = submit(browser, organisation, form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return PeopleFixtures.after(created, "/activities/");
  }

  /** The number of flags between two activities (either order). */
  static long flagsBetween(JdbcClient jdbc, String a, String b) {
    return jdbc.sql(
            "select count(*) from activity_flag f join activity x on x.id = f.activity_a_id"
                + " join activity y on y.id = f.activity_b_id"
                + " where (x.public_id = :a and y.public_id = :b)"
                + " or (x.public_id = :b and y.public_id = :a)")
        .param("a", a)
        .param("b", b)
        .query(Long.class)
        .single();
  }
}
