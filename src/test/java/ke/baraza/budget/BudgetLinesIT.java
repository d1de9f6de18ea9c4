package ke.baraza.budget;

import static ke.baraza.budget.BudgetFixtures.KAKAMEGA;
import static ke.baraza.budget.BudgetFixtures.MACHAKOS;
import static ke.baraza.budget.BudgetFixtures.json;
import static ke.baraza.budget.BudgetFixtures.ward;
import static ke.baraza.budget.BudgetFixtures.wardName;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Budget lines imported from a county's CSV: good rows kept, each bad row returned with its number
 * and problem, served as JSON and as totals by department.
 */
@BarazaIntegrationTest
class BudgetLinesIT {

  @Autowired JdbcClient jdbc;

  @Test
  void aFileWithBadRowsKeepsTheGoodOnesAndNamesEachBadOne() {
    Browser official = staff(jdbc, "budget-lines", "COUNTY_OFFICIAL", KAKAMEGA);
    String ward = ward(jdbc, KAKAMEGA);
    String csv =
        "Department,Programme,Sub-programme,Economic classification,Ward,Approved,Supplementary,"
            + "Actual Q1,Actual Q2,Actual Q3,Actual Q4\n"
            + "Health,Curative services,Dispensaries,Use of goods,"
            + ward
            + ",\"1,200,000\",1300000,250000,300000,,\n"
            + "Roads,Rural roads,Gravelling,Acquisition of assets,"
            + wardName(jdbc, ward)
            + ",5000000,,1000000,,,\n"
            + "Health,Curative services,Drugs,Use of goods,,-500,,,,,\n"
            + "Water,Boreholes,,,,lots,,,,,\n"
            + "Agriculture,Extension,,,Nowhere Ward,100,,,,,\n";
    String path = "/budget/counties/037/2041-42/lines";
    official.get(path);
    HttpResponse<String> imported =
        official.upload(path, "file", "lines.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(imported.body())
        .contains("2 lines imported; 3 problems")
        .contains("Row 4, approved: an amount cannot be negative")
        .contains("Row 5, approved: this is not an amount in shillings")
        .contains("Row 6, ward: no ward of this county");

    HttpResponse<String> api =
        new Browser().get("/api/v1/budget/lines?county=037&fy=2041-42", "application/json");
    JsonNode page = json(api.body());
    assertThat(page.get("totalItems").asInt()).isEqualTo(2);
    JsonNode health = page.get("items").get(0);
    assertThat(health.get("department").asText()).isEqualTo("Health");
    assertThat(health.get("approved").decimalValue()).isEqualByComparingTo("1200000");
    assertThat(health.get("actualQ2").decimalValue()).isEqualByComparingTo("300000");
    assertThat(health.get("wardCode").asText()).isEqualTo(ward);
    assertThat(page.get("items").get(1).get("wardCode").asText()).isEqualTo(ward);

    String totals = new Browser().get(path).body();
    assertThat(totals)
        .contains("Health")
        .contains("Roads")
        .contains("42%")
        .doesNotContain("id=\"lines-form\"");
  }

  @Test
  void aFileWithoutARequiredColumnIsRefusedWhole() {
    Browser official = staff(jdbc, "budget-lines", "COUNTY_OFFICIAL", KAKAMEGA);
    String path = "/budget/counties/037/2042-43/lines";
    official.get(path);
    HttpResponse<String> refused =
        official.upload(
            path, "file", "lines.csv", "Department,Programme\nHealth,Drugs\n".getBytes());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("The file has no column");
    assertThat(
            json(new Browser()
                    .get("/api/v1/budget/lines?county=037&fy=2042-43", "application/json")
                    .body())
                .get("totalItems")
                .asInt())
        .isZero();
  }

  @Test
  void onlyTheCountysStaffImportItsLines() {
    Browser otherCounty = staff(jdbc, "budget-lines-016", "COUNTY_OFFICIAL", MACHAKOS);
    otherCounty.get("/budget/counties/016/2043-44/lines");
    HttpResponse<String> refused =
        otherCounty.upload(
            "/budget/counties/037/2043-44/lines",
            "file",
            "lines.csv",
            "Department,Programme,Approved\nHealth,Drugs,10\n".getBytes());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(
            json(new Browser()
                    .get("/api/v1/budget/lines?county=037&fy=2043-44", "application/json")
                    .body())
                .get("totalItems")
                .asInt())
        .isZero();
  }
}
