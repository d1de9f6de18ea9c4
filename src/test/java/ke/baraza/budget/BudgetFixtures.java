package ke.baraza.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import ke.baraza.directory.PeopleFixtures;
import ke.baraza.testing.Browser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Budget calendars, participation windows and views made the way officers and residents do. */
final class BudgetFixtures {

  static final String KAKAMEGA = "037";
  static final String MACHAKOS = "016";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BudgetFixtures() {}

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Africa/Nairobi"));
  }

  /** A ward of the county, the first by code. */
  static String ward(JdbcClient jdbc, String county) {
    return jdbc.sql("select min(code) from ward where county_code = ?")
        .param(county)
        .query(String.class)
        .single();
  }

  static String wardName(JdbcClient jdbc, String code) {
    return jdbc.sql("select name from ward where code = ?")
        .param(code)
        .query(String.class)
        .single();
  }

  static String milestonePath(String county, String fy, String code) {
    return "/budget/counties/" + county + "/" + fy + "/milestones/" + code;
  }

  /** Posts a form from the milestone's page. */
  static HttpResponse<String> onMilestone(
      Browser browser,
      String county,
      String fy,
      String code,
      String action,
      Map<String, String> f) {
    browser.get(milestonePath(county, fy, code));
    return browser.post(milestonePath(county, fy, code) + "/" + action, f);
  }

  /** Opens a document for views from {@code opens} to {@code closes}; returns the window's id. */
  static String openWindow(
      Browser official,
      String fy,
      String code,
      LocalDate opens,
      LocalDate closes,
      String programmes) {
    HttpResponse<String> opened =
        onMilestone(
            official,
            KAKAMEGA,
            fy,
            code,
            "participation",
            Map.of(
                "opensOn", opens.toString(),
                "closesOn", closes.toString(),
                "programmes", programmes));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
    return PeopleFixtures.after(opened, "/budget/participation/");
  }

  /** The public id of a window's programme by name. */
  static String programme(JdbcClient jdbc, String window, String name) {
    return jdbc.sql(
            "select p.public_id from budget_programme p join budget_window w on w.id = p.window_id"
                + " where w.public_id = ? and p.name = ?")
        .params(window, name)
        .query(String.class)
        .single();
  }

  static int views(JdbcClient jdbc, String window) {
    return jdbc.sql(
            "select count(*) from budget_view v join budget_window w on w.id = v.window_id"
                + " where w.public_id = ?")
        .param(window)
        .query(Integer.class)
        .single();
  }

  /** Sends a view from the document's page, as a resident does. */
  static HttpResponse<String> sendView(Browser resident, String window, Map<String, String> form) {
    resident.get("/budget/participation/" + window);
    return resident.post("/budget/participation/" + window + "/views", form);
  }

  /** Sends a view as a resident does and returns its public id. */
  static String view(Browser resident, String window, Map<String, String> form) {
    HttpResponse<String> sent = sendView(resident, window, form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    return PeopleFixtures.after(sent, "/budget/views/");
  }

  /** Adds an issue on the consideration page and returns its public id. */
  static String issue(JdbcClient jdbc, Browser official, String window, String title) {
    official.get("/budget/participation/" + window + "/consideration");
    assertThat(
            official
                .post("/budget/participation/" + window + "/issues", Map.of("title", title))
                .statusCode())
        .isEqualTo(302);
    return jdbc.sql("select public_id from budget_issue where title = ? order by id desc")
        .param(title)
        .query(String.class)
        .list()
        .getFirst();
  }

  /** Ticks the views on the consideration page and puts them under the issue. */
  static void group(Browser official, String window, String issue, List<String> views) {
    official.get("/budget/participation/" + window + "/consideration");
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("issue", issue);
    form.addAll("views", views);
    HttpResponse<String> grouped =
        official.post("/budget/participation/" + window + "/grouping", form);
    assertThat(grouped.statusCode()).as(grouped.body()).isEqualTo(302);
  }

  /** The calendar of a county's fiscal year from the API. */
  static JsonNode calendar(String county, String fy) {
    HttpResponse<String> response =
        new Browser()
            .get("/api/v1/budget/calendar?county=" + county + "&fy=" + fy, "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** One milestone of the API's calendar. */
  static JsonNode milestone(JsonNode calendar, String code) {
    for (JsonNode m : calendar.get("milestones")) {
      if (m.get("code").asText().equals(code)) {
        return m;
      }
    }
    throw new AssertionError("no milestone " + code + " in " + calendar);
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
