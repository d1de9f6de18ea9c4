package ke.baraza.budget;

import static ke.baraza.budget.BudgetFixtures.KAKAMEGA;
import static ke.baraza.budget.BudgetFixtures.MACHAKOS;
import static ke.baraza.budget.BudgetFixtures.calendar;
import static ke.baraza.budget.BudgetFixtures.milestone;
import static ke.baraza.budget.BudgetFixtures.openWindow;
import static ke.baraza.budget.BudgetFixtures.programme;
import static ke.baraza.budget.BudgetFixtures.sendView;
import static ke.baraza.budget.BudgetFixtures.today;
import static ke.baraza.budget.BudgetFixtures.views;
import static ke.baraza.budget.BudgetFixtures.ward;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Participation windows: an officer opens a document for views; residents send views on the web
 * without an account, a clerk types in paper forms from a forum, organisations send memoranda. A
 * view out of its window or naming an unknown ward or programme is refused with nothing stored.
 */
@BarazaIntegrationTest
class ParticipationIT {

  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

  @Autowired JdbcClient jdbc;

  Browser official;

  @BeforeEach
  void officer() {
    if (official == null) {
      official = staff(jdbc, "budget-participation", "COUNTY_OFFICIAL", KAKAMEGA);
    }
  }

  @Test
  void anOfficerOpensTheCfspAndAResidentSendsAViewInKiswahiliWithoutAnAccount() {
    String window =
        openWindow(
            official,
            "2034-35",
            "CFSP",
            today().minusDays(1),
            today().plusDays(14),
            "Roads\nHealth");
    assertThat(milestone(calendar(KAKAMEGA, "2034-35"), "CFSP").get("status").asText())
        .isEqualTo("OPEN_FOR_PARTICIPATION");
    Browser resident = new Browser().acceptLanguage("sw");
    String page = resident.get("/budget/participation/" + window).body();
    assertThat(page).contains("Toa maoni yako").contains("Roads").contains("id=\"view-form\"");

    HttpResponse<String> sent =
        sendView(
            resident,
            window,
            Map.of(
                "ward", ward(jdbc, KAKAMEGA),
                "programme", programme(jdbc, window, "Roads"),
                "body", "Barabara ya Shinyalu itengenezwe kabla ya mvua",
                "contact", "0712 345 601",
                "consent", "yes",
                "gender", "FEMALE",
                "ageBand", "AGE_25_35",
                "submission", UUID.randomUUID().toString()));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String receipt = resident.follow(sent).body();
    assertThat(receipt).contains("Maoni yako yamehifadhiwa").contains("Barabara ya Shinyalu");
    assertThat(receipt).doesNotContain("+254712345601");
    Map<String, Object> stored =
        jdbc.sql(
                "select language, contact, gender, age_band, channel from budget_view"
                    + " where body = 'Barabara ya Shinyalu itengenezwe kabla ya mvua'")
            .query()
            .singleRow();
    assertThat(stored)
        .containsEntry("LANGUAGE", "sw")
        .containsEntry("CONTACT", "+254712345601")
        .containsEntry("GENDER", "FEMALE")
        .containsEntry("CHANNEL", "WEB");
  }

  @Test
  void demographicsWithoutConsentAreNotKept() {
    String window = openWindow(official, "2035-36", "CFSP", today(), today().plusDays(3), "");
    HttpResponse<String> sent =
        sendView(
            new Browser(),
            window,
            Map.of(
                "ward", ward(jdbc, KAKAMEGA),
                "body", "No consent given " + window,
                "gender", "MALE",
                "ageBand", "AGE_60_PLUS",
                "disability", "yes"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    Map<String, Object> stored =
        jdbc.sql("select gender, age_band, disability, consent_at from budget_view where body = ?")
            .param("No consent given " + window)
            .query()
            .singleRow();
    assertThat(stored.values()).containsOnlyNulls();
  }

  @Test
  void aViewAfterTheWindowClosedOrWithAnUnknownWardOrProgrammeIsRefusedAndNothingIsStored() {
    String closed =
        openWindow(
            official, "2036-37", "CFSP", today().minusDays(30), today().minusDays(1), "Water");
    String open =
        openWindow(official, "2036-37", "ESTIMATES", today(), today().plusDays(5), "Water");
    // the form was loaded while a window was open; it is sent once this one has closed
    Browser resident = new Browser();
    resident.get("/budget/participation/" + open);
    HttpResponse<String> late =
        resident.post(
            "/budget/participation/" + closed + "/views",
            Map.of("ward", ward(jdbc, KAKAMEGA), "body", "Too late", "programme", ""));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("the participation window is closed");
    assertThat(views(jdbc, closed)).isZero();

    Map<String, String> view = new HashMap<>(Map.of("body", "Boreholes for Lurambi"));
    view.put("ward", ward(jdbc, MACHAKOS));
    HttpResponse<String> otherCountysWard = sendView(new Browser(), open, view);
    assertThat(otherCountysWard.statusCode()).isEqualTo(400);
    assertThat(otherCountysWard.body()).contains("Choose a ward of this county");
    assertThat(otherCountysWard.body())
        .as("what was typed is kept")
        .contains("Boreholes for Lurambi");

    view.put("ward", ward(jdbc, KAKAMEGA));
    view.put("programme", programme(jdbc, closed, "Water"));
    HttpResponse<String> otherWindowsProgramme = sendView(new Browser(), open, view);
    assertThat(otherWindowsProgramme.statusCode()).isEqualTo(400);
    assertThat(otherWindowsProgramme.body()).contains("Choose one of the programmes");

    view.put("programme", "");
    view.put("contact", "not a phone");
    assertThat(sendView(new Browser(), open, view).body()).contains("Kenyan phone number");
    view.put("contact", "");
    view.put("body", " ");
    assertThat(sendView(new Browser(), open, view).body()).contains("Write your view");
    assertThat(views(jdbc, open)).isZero();
  }

  @Test
  void aDoubleClickRecordsOneView() {
    String window = openWindow(official, "2037-38", "CFSP", today(), today().plusDays(3), "");
    Map<String, String> view =
        Map.of(
            "ward",
            ward(jdbc, KAKAMEGA),
            "body",
            "Once only",
            "submission",
            UUID.randomUUID().toString());
    HttpResponse<String> first = sendView(new Browser(), window, view);
    HttpResponse<String> second = sendView(new Browser(), window, view);
    assertThat(second.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(views(jdbc, window)).isEqualTo(1);
  }

  @Test
  void aClerkEntersPaperViewsUnderAForumAndOnlyTheCountysStaffMay() {
    String window =
        openWindow(official, "2038-39", "ADP", today().minusDays(2), today().plusDays(7), "Health");
    official.get("/budget/participation/" + window);
    HttpResponse<String> unknownMeeting =
        official.post(
            "/budget/participation/" + window + "/forums",
            Map.of(
                "ward",
                ward(jdbc, KAKAMEGA),
                "heldOn",
                today().toString(),
                "meeting",
                "zzzzzzzzzzzz"));
    assertThat(unknownMeeting.statusCode()).isEqualTo(400);
    assertThat(unknownMeeting.body()).contains("no public meeting with this id");
    HttpResponse<String> outside =
        official.post(
            "/budget/participation/" + window + "/forums",
            Map.of("ward", ward(jdbc, KAKAMEGA), "heldOn", today().plusDays(30).toString()));
    assertThat(outside.body()).contains("while the window is open");
    HttpResponse<String> forum =
        official.post(
            "/budget/participation/" + window + "/forums",
            Map.of(
                "ward",
                ward(jdbc, KAKAMEGA),
                "heldOn",
                today().toString(),
                "venue",
                "Shinyalu chief's camp",
                "attendance",
                "84"));
    assertThat(forum.statusCode()).as(forum.body()).isEqualTo(302);
    String forumId =
        jdbc.sql(
                "select f.public_id from budget_forum f join budget_window w on w.id = f.window_id"
                    + " where w.public_id = ?")
            .param(window)
            .query(String.class)
            .single();
    assertThat(new Browser().get("/budget/participation/" + window).body())
        .contains("Shinyalu chief's camp")
        .contains("84 attended");

    official.get("/budget/participation/" + window + "/paper");
    HttpResponse<String> entered =
        official.post(
            "/budget/participation/" + window + "/paper",
            Map.of(
                "forum", forumId,
                "language", "sw",
                "programme", programme(jdbc, window, "Health"),
                "body", "Dispensari ya Murhanda ipate dawa",
                "contact", "clerk-copied@example.org"));
    assertThat(entered.statusCode()).as(entered.body()).isEqualTo(302);
    assertThat(official.follow(entered).body()).contains("View recorded");
    assertThat(
            jdbc.sql("select channel || ' ' || language from budget_view where body = ?")
                .param("Dispensari ya Murhanda ipate dawa")
                .query(String.class)
                .single())
        .isEqualTo("FORUM sw");

    Browser otherCounty = staff(jdbc, "budget-other-clerk", "COUNTY_OFFICIAL", MACHAKOS);
    otherCounty.get("/budget/participation/" + window);
    assertThat(otherCounty.get("/budget/participation/" + window + "/paper").statusCode())
        .isEqualTo(403);
    assertThat(
            otherCounty
                .post(
                    "/budget/participation/" + window + "/paper",
                    Map.of("forum", forumId, "body", "Not mine"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            otherCounty
                .post(
                    "/budget/participation/" + window + "/forums",
                    Map.of("ward", ward(jdbc, KAKAMEGA), "heldOn", today().toString()))
                .statusCode())
        .isEqualTo(403);
    assertThat(views(jdbc, window)).isEqualTo(1);
  }

  @Test
  void anOrganisationSendsAMemorandumAsAFileAndOnlyStaffReadTheFile() {
    String window = openWindow(official, "2039-40", "CFSP", today(), today().plusDays(3), "");
    Browser editor = new Browser();
    AccountFixtures.signIn(
        editor, AccountFixtures.verifiedAccount("budget-memo"), AccountFixtures.PASSWORD);
    String memoranda =
        "/budget/participation/" + window + "/memoranda?organisation=KCOP&body=Fund+ECDE+meals";
    editor.get("/budget/participation/" + window);
    HttpResponse<String> html =
        editor.upload(memoranda, "file", "memo.html", "<html>no</html>".getBytes());
    assertThat(html.statusCode()).isEqualTo(415);
    editor.get("/budget/participation/" + window);
    HttpResponse<String> noOrganisation =
        editor.upload(
            "/budget/participation/" + window + "/memoranda?body=x", "file", "memo.pdf", PDF);
    assertThat(noOrganisation.body()).contains("Name the organisation");
    assertThat(views(jdbc, window)).isZero();

    editor.get("/budget/participation/" + window);
    HttpResponse<String> sent = editor.upload(memoranda, "file", "memo.pdf", PDF);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String view = ke.baraza.directory.PeopleFixtures.after(sent, "/budget/views/");
    String file = "/budget/participation/" + window + "/memoranda/" + view + "/file";
    assertThat(official.download(file).statusCode()).isEqualTo(200);
    assertThat(editor.download(file).statusCode()).isIn(302, 403);
    assertThat(
            staff(jdbc, "budget-memo-other", "COUNTY_OFFICIAL", MACHAKOS)
                .download(file)
                .statusCode())
        .isEqualTo(403);
  }
}
