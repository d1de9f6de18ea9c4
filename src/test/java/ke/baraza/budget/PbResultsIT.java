package ke.baraza.budget;

import static ke.baraza.budget.BudgetFixtures.KAKAMEGA;
import static ke.baraza.budget.BudgetFixtures.today;
import static ke.baraza.budget.BudgetFixtures.ward;
import static ke.baraza.directory.PeopleFixtures.after;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ranked round: ballots ranked on the web with an SMS code and counted on paper at a forum with a
 * witness; results by points, explained line by line, skipping what does not fit; the selected
 * projects listed for implementation.
 */
@BarazaIntegrationTest
class PbResultsIT {

  private static final String FY = "2045-46";

  @Autowired JdbcClient jdbc;

  @Test
  void aRankedRoundAddsPaperTalliesToWebBallotsAndExplainsEachLine() {
    Browser official = staff(jdbc, "budget-pb-ranked", "COUNTY_OFFICIAL", KAKAMEGA);
    String rounds = "/budget/counties/" + KAKAMEGA + "/" + FY + "/pb";
    official.get(rounds);
    Map<String, String> open =
        Map.of(
            "ward", ward(jdbc, KAKAMEGA), "envelope", "1000000", "rule", "RANKED", "choices", "9");
    HttpResponse<String> tooMany = official.post(rounds, open);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("A ranked ballot ranks from 2 to 5 projects");
    HttpResponse<String> opened = official.post(rounds, with(open, "choices", "3"));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
    String page = "/budget/pb/" + after(opened, "/budget/pb/");
    assertThat(official.get(page).body()).contains("Ranked voting: rank up to 3 projects");

    Browser resident = new Browser();
    String clinic = propose(resident, page, "Clinic roof", "600000");
    String water = propose(resident, page, "Water kiosk", "500000");
    String culvert = propose(resident, page, "Culvert at Lurambi", "300000");
    String lights = propose(resident, page, "Market lights", "100000");
    String airport = propose(resident, page, "Airstrip", "80000000");
    assess(official, page, clinic, "yes", "600000");
    assess(official, page, water, "yes", "500000");
    assess(official, page, culvert, "yes", "300000");
    assess(official, page, lights, "yes", "100000");
    assess(official, page, airport, "no", "");

    official.get(page);
    assertThat(
            official.post(page + "/rule", Map.of("rule", "APPROVAL", "choices", "3")).statusCode())
        .isEqualTo(302);
    assertThat(official.get(page).body()).contains("Approval voting: tick any feasible projects");
    official.post(page + "/rule", Map.of("rule", "RANKED", "choices", "3"));
    official.get(page);
    assertThat(official.post(page + "/phase", Map.of("phase", "VOTING")).statusCode())
        .isEqualTo(302);
    official.get(page);
    HttpResponse<String> late = official.post(page + "/rule", Map.of("rule", "APPROVAL"));
    assertThat(late.statusCode()).as("the rule is fixed once voting starts").isEqualTo(409);

    String phone = phone("+254711");
    Browser voter = new Browser();
    String ballot = voter.get(page).body();
    assertThat(ballot).contains("id=\"rank-" + clinic + "\"").contains("3rd choice");
    assertThat(ballot).doesNotContain("id=\"rank-" + airport + "\"");
    voter.post(page + "/code", Map.of("phone", phone));
    String code = code(phone);
    HttpResponse<String> twice =
        vote(voter, page, phone, code, Map.of(clinic, "1", water, "1", culvert, "3"));
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("You gave choice 1 to more than one project");
    HttpResponse<String> fourth = vote(voter, page, phone, code, Map.of(clinic, "4"));
    assertThat(fourth.body()).contains("a choice from 1 to 3");
    assertThat(vote(voter, page, phone, code, Map.of()).body()).contains("Rank at least one");
    HttpResponse<String> ranked =
        vote(voter, page, phone, code, Map.of(clinic, "1", water, "2", culvert, "3"));
    assertThat(ranked.statusCode()).as(ranked.body()).isEqualTo(302);
    String other = phone("+254712");
    Browser neighbour = new Browser();
    neighbour.get(page);
    neighbour.post(page + "/code", Map.of("phone", other));
    assertThat(vote(neighbour, page, other, code(other), Map.of(lights, "2")).statusCode())
        .isEqualTo(302);

    String paper = page + "/paper";
    assertThat(new Browser().get(paper).statusCode()).isIn(302, 401, 403);
    official.get(page);
    assertThat(official.get(page).body()).contains("id=\"paper-link\"");
    Map<String, String> tally = new HashMap<>();
    tally.put("venue", "Lurambi chief's camp");
    tally.put("heldOn", today().minusDays(1).toString());
    tally.put("ballots", "10");
    tally.put("witnessName", "Grace Atieno");
    tally.put("witnessRole", "KCOP observer");
    tally.put("submission", "pb-results-" + System.nanoTime());
    tally.put("pref1-" + water, "6");
    tally.put("pref1-" + culvert, "4");
    tally.put("pref2-" + culvert, "5");
    refused(official, paper, with(tally, "witnessRole", " "), "Give the name of the witness");
    refused(official, paper, with(tally, "ballots", "ten"), "Give the number of ballots");
    refused(official, paper, with(tally, "pref3-" + clinic, "-1"), "Clinic roof: give a whole");
    refused(official, paper, with(tally, "pref3-" + clinic, "two"), "Clinic roof: give a whole");
    refused(official, paper, with(tally, "pref2-" + water, "5"), "Water kiosk: 11 ballots");
    refused(official, paper, with(tally, "pref1-" + clinic, "1"), "Choice 1: 11 ballots in all");
    assertThat(tallies()).as("nothing stored from a refused tally").isZero();
    official.get(paper);
    HttpResponse<String> entered = official.post(paper, tally);
    assertThat(entered.statusCode()).as(entered.body()).isEqualTo(302);
    assertThat(official.post(paper, tally).statusCode()).as("the same form twice").isEqualTo(302);
    assertThat(tallies()).isEqualTo(1);

    official.get(page);
    official.post(page + "/phase", Map.of("phase", "CLOSED"));
    official.get(paper);
    assertThat(official.post(paper, with(tally, "submission", "after")).statusCode())
        .as("no tally once closed")
        .isEqualTo(409);

    String results = new Browser().get(page).body();
    assertThat(results).contains("Ballots: 2 on the web or by SMS, 10 on paper.");
    assertThat(results).contains("Grace Atieno (KCOP observer)").contains("Lurambi chief");
    // culvert 1 + (4×3 + 5×2) = 23; water 2 + 6×3 = 20; clinic 3; lights 2
    assertThat(row(results, culvert))
        .contains("<td>1</td><td>22</td><td>23</td>")
        .contains("KES 300,000")
        .contains("Selected");
    assertThat(row(results, water))
        .contains("<td>2</td>")
        .contains("<td>20</td>")
        .contains("KES 800,000")
        .contains("Selected");
    assertThat(row(results, clinic))
        .contains("<td>3</td><td>Clinic roof</td><td>3</td><td>0</td><td>3</td>")
        .contains("Not selected: KES 200,000 left in the envelope, the project costs KES 600,000");
    assertThat(row(results, lights)).as("skipped, not stopped").contains("KES 900,000", "Selected");
    assertThat(row(results, airport)).contains("Not feasible: Far beyond a ward envelope");

    String county = new Browser().get(rounds).body();
    assertThat(county).contains("id=\"selected-" + culvert + "\"", "id=\"selected-" + water + "\"");
    assertThat(county).contains("id=\"selected-" + lights + "\"").contains("23 points");
    assertThat(county).doesNotContain("id=\"selected-" + clinic + "\"");
  }

  private int tallies() {
    return jdbc.sql("select count(*) from pb_tally where witness_name = 'Grace Atieno'")
        .query(Integer.class)
        .single();
  }

  private static void refused(
      Browser official, String paper, Map<String, String> fields, String message) {
    official.get(paper);
    HttpResponse<String> refused = official.post(paper, fields);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains(message);
    assertThat(refused.body()).as("what was typed is kept").contains("Lurambi chief");
  }

  static Map<String, String> with(Map<String, String> fields, String name, String value) {
    Map<String, String> copy = new HashMap<>(fields);
    copy.put(name, value);
    return copy;
  }

  static String phone(String prefix) {
    return prefix + String.format("%06d", System.nanoTime() % 1_000_000);
  }

  static String propose(Browser resident, String page, String title, String cost) {
    resident.get(page);
    HttpResponse<String> made =
        resident.post(
            page + "/proposals",
            Map.of("title", title, "description", title + " for the ward", "cost", cost));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
    Matcher m =
        Pattern.compile(
                "id=\"proposal-([a-z0-9]{12})\">\\s*(?:<[^>]*>\\s*)*<label[^>]*><strong>"
                    + Pattern.quote(title))
            .matcher(resident.get(page).body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static void assess(Browser official, String page, String p, String ok, String cost) {
    official.get(page);
    HttpResponse<String> done =
        official.post(
            page + "/proposals/" + p + "/assessment",
            Map.of(
                "feasible",
                ok,
                "cost",
                cost,
                "reason",
                "no".equals(ok) ? "Far beyond a ward envelope" : "Costed"));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
  }

  static String code(String phone) {
    List<String> sms = Outbox.smsTo(phone);
    assertThat(sms).isNotEmpty();
    Matcher m = Pattern.compile("is (\\d{6})").matcher(sms.getLast());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> vote(
      Browser voter, String page, String phone, String code, Map<String, String> ranks) {
    voter.get(page);
    Map<String, String> fields = new HashMap<>(Map.of("phone", phone, "code", code));
    ranks.forEach((proposal, rank) -> fields.put("rank-" + proposal, rank));
    return voter.post(page + "/votes", fields);
  }

  private static String row(String page, String proposal) {
    int at = page.indexOf("id=\"result-" + proposal + "\"");
    assertThat(at).as("a results line for " + proposal).isPositive();
    return page.substring(at, page.indexOf("</tr>", at));
  }
}
