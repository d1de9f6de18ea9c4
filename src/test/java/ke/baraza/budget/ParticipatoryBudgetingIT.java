package ke.baraza.budget;

import static ke.baraza.budget.BudgetFixtures.KAKAMEGA;
import static ke.baraza.budget.BudgetFixtures.MACHAKOS;
import static ke.baraza.budget.BudgetFixtures.ward;
import static ke.baraza.directory.PeopleFixtures.after;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A participatory budgeting round in a ward: residents propose, officers assess, residents vote
 * once per phone with an SMS code within the envelope, and the results select what fits.
 */
@BarazaIntegrationTest
class ParticipatoryBudgetingIT {

  @Autowired JdbcClient jdbc;

  @Test
  void aWardRoundFromProposalsToResultsWithOneVotePerPhone() {
    Browser official = staff(jdbc, "budget-pb", "COUNTY_OFFICIAL", KAKAMEGA);
    String rounds = "/budget/counties/037/2044-45/pb";
    official.get(rounds);
    HttpResponse<String> negative =
        official.post(rounds, Map.of("ward", ward(jdbc, KAKAMEGA), "envelope", "-5"));
    assertThat(negative.statusCode()).isEqualTo(400);
    HttpResponse<String> opened =
        official.post(rounds, Map.of("ward", ward(jdbc, KAKAMEGA), "envelope", "5,000,000"));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
    String round = after(opened, "/budget/pb/");
    String page = "/budget/pb/" + round;

    Browser resident = new Browser();
    resident.get(page);
    HttpResponse<String> notANumber =
        resident.post(
            page + "/proposals",
            Map.of("title", "Footbridge", "description", "Over the Isiukhu", "cost", "a lot"));
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(notANumber.body()).contains("Give an amount in shillings");
    String bridge = propose(resident, page, "Footbridge over the Isiukhu", "3000000");
    String borehole = propose(resident, page, "Borehole at Shikoti", "2500000");
    String stadium = propose(resident, page, "Stadium", "90000000");

    Browser otherCounty = staff(jdbc, "budget-pb-016", "COUNTY_OFFICIAL", MACHAKOS);
    otherCounty.get("/budget/counties/016/2044-45/pb");
    assertThat(
            otherCounty
                .post(
                    page + "/proposals/" + bridge + "/assessment",
                    Map.of("feasible", "yes", "cost", "1", "reason", "x"))
                .statusCode())
        .isEqualTo(403);
    assess(official, page, bridge, "yes", "3200000", "Culvert needed too");
    assess(official, page, borehole, "yes", "2400000", "Hydrological survey done");
    assess(official, page, stadium, "no", "", "Far beyond a ward envelope");
    official.get(page);
    assertThat(official.post(page + "/phase", Map.of("phase", "VOTING")).statusCode())
        .isEqualTo(302);

    String phone = "+254722" + String.format("%06d", System.nanoTime() % 1_000_000);
    Browser voter = new Browser();
    voter.get(page);
    assertThat(voter.post(page + "/code", Map.of("phone", "0722 12")).body())
        .contains("Give a Kenyan phone number");
    HttpResponse<String> sent = voter.post(page + "/code", Map.of("phone", phone));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    String code = code(phone);

    HttpResponse<String> over = vote(voter, page, phone, code, List.of(bridge, borehole));
    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(over.body()).contains("more than the envelope of 5000000");
    HttpResponse<String> unfeasible = vote(voter, page, phone, code, List.of(stadium));
    assertThat(unfeasible.body()).contains("Choose among the feasible projects");
    assertThat(
            vote(voter, page, phone, "000000".equals(code) ? "111111" : "000000", List.of(bridge))
                .body())
        .contains("The code is not right");
    HttpResponse<String> voted = vote(voter, page, phone, code, List.of(bridge));
    assertThat(voted.statusCode()).as(voted.body()).isEqualTo(302);

    Browser again = new Browser();
    again.get(page);
    HttpResponse<String> second = again.post(page + "/code", Map.of("phone", phone));
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains("already voted");
    assertThat(vote(again, page, phone, code, List.of(borehole)).statusCode()).isEqualTo(409);

    String other = "+254733" + String.format("%06d", System.nanoTime() % 1_000_000);
    Browser neighbour = new Browser();
    neighbour.get(page);
    neighbour.post(page + "/code", Map.of("phone", other));
    assertThat(vote(neighbour, page, other, code(other), List.of(bridge, borehole)).statusCode())
        .isEqualTo(400);
    assertThat(vote(neighbour, page, other, code(other), List.of(bridge)).statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql(
                    "select count(*) from pb_vote v join pb_round r on r.id = v.round_id where r.public_id = ?")
                .param(round)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(
            jdbc.sql("select count(*) from pb_code where phone_hash like ?")
                .param("%" + phone.substring(1) + "%")
                .query(Integer.class)
                .single())
        .as("numbers are kept only as hashes")
        .isZero();

    String paper = page + "/paper";
    official.get(paper);
    Map<String, String> tally =
        Map.of(
            "venue",
            "Shikoti social hall",
            "heldOn",
            BudgetFixtures.today().minusDays(1).toString(),
            "ballots",
            "5",
            "witnessName",
            "John Wafula",
            "witnessRole",
            "Ward administrator",
            "approvals-" + bridge,
            "6",
            "approvals-" + borehole,
            "2");
    HttpResponse<String> tooMany = official.post(paper, tally);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("6 ballots counted for this project, more than the 5");
    Map<String, String> fixed = new java.util.HashMap<>(tally);
    fixed.put("approvals-" + bridge, "3");
    fixed.remove("witnessName");
    official.get(paper);
    assertThat(official.post(paper, fixed).body()).contains("Give the name of the witness");
    fixed.put("witnessName", "John Wafula");
    official.get(paper);
    HttpResponse<String> counted = official.post(paper, fixed);
    assertThat(counted.statusCode()).as(counted.body()).isEqualTo(302);

    official.get(page);
    official.post(page + "/phase", Map.of("phase", "CLOSED"));
    String results = new Browser().get(page).body();
    assertThat(results).contains("Closed: results");
    assertThat(section(results, bridge)).contains("5 votes").contains("Selected");
    assertThat(section(results, borehole)).contains("2 votes").doesNotContain("Selected");
    assertThat(section(results, stadium)).doesNotContain("Selected");
    assertThat(results).contains("Ballots: 2 on the web or by SMS, 5 on paper.");
    assertThat(results).contains("5 ballots, witnessed by John Wafula (Ward administrator)");
    assertThat(line(results, bridge))
        .contains("<td>2</td><td>3</td><td>5</td>")
        .contains("KES 3,200,000")
        .contains("Selected");
    assertThat(line(results, borehole))
        .contains(
            "Not selected: KES 1,800,000 left in the envelope, the project costs KES 2,400,000");
    assertThat(line(results, stadium)).contains("Not feasible: Far beyond a ward envelope");
    assertThat(new Browser().get(rounds).body())
        .contains("id=\"selected-" + bridge + "\"")
        .doesNotContain("id=\"selected-" + borehole + "\"");
  }

  private static String line(String page, String proposal) {
    int at = page.indexOf("id=\"result-" + proposal + "\"");
    assertThat(at).isPositive();
    return page.substring(at, page.indexOf("</tr>", at));
  }

  private static String propose(Browser resident, String page, String title, String cost) {
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

  private static void assess(
      Browser official, String page, String p, String ok, String cost, String why) {
    official.get(page);
    HttpResponse<String> done =
        official.post(
            page + "/proposals/" + p + "/assessment",
            Map.of("feasible", ok, "cost", cost, "reason", why));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
  }

  private static String code(String phone) {
    List<String> sms = Outbox.smsTo(phone);
    assertThat(sms).isNotEmpty();
    Matcher m = Pattern.compile("is (\\d{6})").matcher(sms.getLast());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> vote(
      Browser voter, String page, String phone, String code, List<String> proposals) {
    voter.get(page);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("phone", phone);
    form.add("code", code);
    form.addAll("proposals", proposals);
    return voter.post(page + "/votes", form);
  }

  private static String section(String page, String proposal) {
    int at = page.indexOf("id=\"proposal-" + proposal + "\"");
    int end = page.indexOf("</li>", at);
    return page.substring(at, end);
  }
}
