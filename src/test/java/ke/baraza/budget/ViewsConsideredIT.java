package ke.baraza.budget;

import static ke.baraza.budget.BudgetFixtures.KAKAMEGA;
import static ke.baraza.budget.BudgetFixtures.MACHAKOS;
import static ke.baraza.budget.BudgetFixtures.group;
import static ke.baraza.budget.BudgetFixtures.issue;
import static ke.baraza.budget.BudgetFixtures.openWindow;
import static ke.baraza.budget.BudgetFixtures.today;
import static ke.baraza.budget.BudgetFixtures.view;
import static ke.baraza.budget.BudgetFixtures.ward;
import static ke.baraza.budget.BudgetFixtures.wardName;
import static ke.baraza.directory.PeopleFixtures.after;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Mailbox;
import ke.baraza.testing.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "views considered" report: officers group views into issues and answer each; publishing makes
 * the report public without personal data, as a page and as CSV/XLSX, and tells every submitter
 * with a contact, in their language, how their view was considered.
 */
@BarazaIntegrationTest
class ViewsConsideredIT {

  @Autowired JdbcClient jdbc;

  @Test
  void officersGroupAndAnswerViewsPublishTheReportAndEverySubmitterIsTold() throws Exception {
    Browser official = staff(jdbc, "budget-considering", "COUNTY_OFFICIAL", KAKAMEGA);
    String window =
        openWindow(official, "2040-41", "CFSP", today().minusDays(1), today().plusDays(9), "Roads");
    String ward = ward(jdbc, KAKAMEGA);
    String phone = "+254712" + String.format("%06d", System.nanoTime() % 1_000_000);
    String email = "considered-" + System.nanoTime() + "@example.org";
    String swahili =
        view(
            new Browser().acceptLanguage("sw"),
            window,
            Map.of(
                "ward",
                ward,
                "body",
                "Barabara ya Ikolomani",
                "contact",
                phone,
                "consent",
                "yes",
                "gender",
                "FEMALE",
                "ageBand",
                "AGE_18_24"));
    String english =
        view(
            new Browser(),
            window,
            Map.of(
                "ward",
                ward,
                "body",
                "Tarmac the Ikolomani road",
                "contact",
                email,
                "consent",
                "yes",
                "gender",
                "MALE",
                "ageBand",
                "AGE_18_24"));
    String silent = view(new Browser(), window, Map.of("ward", ward, "body", "More nurses"));

    String consideration = "/budget/participation/" + window + "/consideration";
    assertThat(new Browser().get(consideration).statusCode()).isIn(302, 403);
    official.get(consideration);
    HttpResponse<String> early =
        official.post("/budget/participation/" + window + "/publish", Map.of());
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("3 views are not yet under an answered issue");
    assertThat(new Browser().get("/budget/participation/" + window + "/report.csv").statusCode())
        .isEqualTo(404);

    String roads = issue(jdbc, official, window, "The Ikolomani road");
    String health = issue(jdbc, official, window, "Nurses");
    group(official, window, roads, List.of(swahili, english));
    group(official, window, health, List.of(silent));

    official.get(consideration);
    String answer = "/budget/participation/" + window + "/issues/" + roads + "/response";
    HttpResponse<String> noReason =
        official.post(answer, Map.of("response", "ADOPTED", "reason", "", "landedIn", "x"));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Give the reason");
    HttpResponse<String> nowhere =
        official.post(answer, Map.of("response", "ADOPTED", "reason", "Agreed", "landedIn", ""));
    assertThat(nowhere.body()).contains("Say where an adopted view landed");
    assertThat(
            official
                .post(
                    answer,
                    Map.of(
                        "response", "ADOPTED",
                        "reason", "Gravelling funded in the second quarter",
                        "landedIn", "Roads programme, line 2211"))
                .statusCode())
        .isEqualTo(302);
    official.post(
        "/budget/participation/" + window + "/issues/" + health + "/response",
        Map.of("response", "NOT_ADOPTED", "reason", "Within the health sector wage bill already"));

    Browser otherCounty = staff(jdbc, "budget-considering-016", "COUNTY_OFFICIAL", MACHAKOS);
    otherCounty.get("/budget/participation/" + window);
    assertThat(otherCounty.get(consideration).statusCode()).isEqualTo(403);
    assertThat(
            otherCounty
                .post(answer, Map.of("response", "NOT_ADOPTED", "reason", "Hijacked"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            otherCounty.post("/budget/participation/" + window + "/publish", Map.of()).statusCode())
        .isEqualTo(403);

    official.get(consideration);
    HttpResponse<String> published =
        official.post("/budget/participation/" + window + "/publish", Map.of());
    assertThat(published.statusCode()).as(published.body()).isEqualTo(302);

    String report = new Browser().get("/budget/participation/" + window + "/report").body();
    assertThat(report)
        .contains("3 views; 67% adopted")
        .contains("Gravelling funded in the second quarter")
        .contains(wardName(jdbc, ward))
        .contains("Tarmac the Ikolomani road")
        .doesNotContain(phone)
        .doesNotContain(email);
    assertThat(report).contains("id=\"by-gender\"");

    HttpResponse<byte[]> csv =
        new Browser().download("/budget/participation/" + window + "/report.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(4);
    assertThat(text)
        .contains("Barabara ya Ikolomani")
        .contains("Adopted")
        .contains("Not adopted")
        .contains("Roads programme, line 2211")
        .doesNotContain(phone)
        .doesNotContain(email)
        .doesNotContain("FEMALE")
        .doesNotContain("Female");
    assertThat(
            new Browser().download("/budget/participation/" + window + "/report.xlsx").statusCode())
        .isEqualTo(200);

    for (int i = 0; i < 50 && Outbox.smsTo(phone).isEmpty(); i++) {
      Thread.sleep(100); // the outbox file may land just after the response
    }
    assertThat(Outbox.smsTo(phone)).hasSize(1);
    assertThat(Outbox.smsTo(phone).getFirst())
        .contains("maoni yako kuhusu Karatasi ya Mkakati")
        .contains("Yamekubaliwa")
        .contains("/budget/views/" + swahili);
    assertThat(Mailbox.to(email)).hasSize(1);
    assertThat(Mailbox.text(Mailbox.to(email).getFirst())).contains("Adopted");

    String mine = new Browser().get("/budget/views/" + swahili + "?lang=sw").body();
    assertThat(mine).contains("Yamekubaliwa").contains("Gravelling funded").doesNotContain(phone);

    HttpResponse<String> after =
        official.post(answer, Map.of("response", "NOT_ADOPTED", "reason", "x"));
    assertThat(after.statusCode()).isIn(403, 409);
    String other = openWindow(official, "2040-41", "ESTIMATES", today(), today().plusDays(9), "");
    Browser resident = new Browser();
    resident.get("/budget/participation/" + other);
    HttpResponse<String> lateView =
        resident.post(
            "/budget/participation/" + window + "/views",
            Map.of("ward", ward, "body", "After the report"));
    assertThat(lateView.statusCode()).isEqualTo(409);
  }
}
