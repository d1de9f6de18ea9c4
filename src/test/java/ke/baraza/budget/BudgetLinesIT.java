package ke.baraza.budget;

import static ke.baraza.budget.BudgetFixtures.KAKAMEGA;
import static ke.baraza.budget.BudgetFixtures.MACHAKOS;
import static ke.baraza.budget.BudgetFixtures.json;
import static ke.baraza.budget.BudgetFixtures.ward;
import static ke.baraza.budget.BudgetFixtures.wardName;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ke.baraza.platform.TabularFiles;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Table;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Budget lines imported from a county's CSV: good rows kept, each bad row returned with its number
 * and problem, served as JSON, as totals and charts by department and ward, and as CSV, XLSX and
 * JSON downloads.
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
        .contains("42%") // Health: 550,000 of the supplementary 1,300,000
        .contains("20%") // Roads: 1,000,000 of 5,000,000
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

  @Test
  void thePublicPageChartsAndTabulatesAllocationAndAbsorptionByDepartmentAndWard() {
    String ward = importDemoLines("2061-62");
    String page = new Browser().get("/budget/counties/037/2061-62/lines").body();
    assertThat(page)
        .contains("<svg", "Budget and actual expenditure by department")
        .contains("Budget and actual expenditure by ward");
    assertThat(between(page, "id=\"department-chart\"", "</figure>"))
        .contains("<svg")
        .doesNotContain("<script", "style=");
    // Health: 550,000 of the supplementary 1,300,000 = 42%; Water: nothing spent, 0%
    assertThat(page)
        .contains("Health · absorption 42%", "Water · absorption 0%", "Roads · absorption 20%");
    assertThat(between(page, "id=\"totals\"", "</table>"))
        .contains("<th scope=\"row\">Health</th><td>KES 1,200,000</td><td>KES 1,300,000</td>")
        .contains("<td>KES 550,000</td><td>42%</td>")
        .contains(
            "<th scope=\"row\">Water</th><td>KES 700,000</td><td></td><td>KES 0</td><td>0%</td>");
    assertThat(between(page, "id=\"ward-totals\"", "</table>"))
        .contains("<th scope=\"row\">" + wardName(jdbc, ward) + "</th>")
        .contains("<th scope=\"row\">County-wide</th><td>KES 700,000</td>");
    assertThat(page).contains("href=\"/budget/counties/037/2061-62/lines.csv\"");

    String kiswahili =
        new Browser().acceptLanguage("sw").get("/budget/counties/037/2061-62/lines").body();
    assertThat(kiswahili).contains("Kaunti nzima", "kiwango cha matumizi asilimia 42");
  }

  @Test
  void everyLineDownloadsAsCsvXlsxAndJsonWithWardNamesTotalsAndAbsorption() throws Exception {
    String ward = importDemoLines("2062-63");
    String base = "/budget/counties/037/2062-63/lines";

    HttpResponse<byte[]> csv = new Browser().download(base + ".csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "budget-lines-037-2062-63.csv");
    assertDownloadedTable(
        TabularFiles.read(new ByteArrayInputStream(csv.body()), "l.csv", Limits.DEFAULTS), ward);

    HttpResponse<byte[]> xlsx = new Browser().download(base + ".xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("budget-lines-037-2062-63.xlsx");
    assertDownloadedTable(
        TabularFiles.read(new ByteArrayInputStream(xlsx.body()), "l.xlsx", Limits.DEFAULTS), ward);

    HttpResponse<byte[]> download = new Browser().download(base + ".json");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    JsonNode json = json(new String(download.body(), StandardCharsets.UTF_8));
    assertThat(json.get("county").asText()).isEqualTo("037");
    assertThat(json.get("fiscalYear").asText()).isEqualTo("2062-63");
    assertThat(json.get("source").asText()).contains("budget implementation reviews");
    JsonNode lines = json.get("lines");
    assertThat(lines).hasSize(3);
    JsonNode health = lines.get(0);
    assertThat(health.get("department").asText()).isEqualTo("Health");
    assertThat(health.get("wardName").asText()).isEqualTo(wardName(jdbc, ward));
    assertThat(health.get("actualTotal").decimalValue()).isEqualByComparingTo("550000");
    assertThat(health.get("absorption").asInt()).isEqualTo(42);
    assertThat(lines.get(2).get("department").asText()).isEqualTo("Water");
    assertThat(lines.get(2).get("wardCode").isNull()).isTrue();
    assertThat(lines.get(2).get("absorption").asInt()).isZero();

    assertThat(new Browser().download("/budget/counties/999/2062-63/lines.csv").statusCode())
        .isEqualTo(404);
    assertThat(new Browser().download("/budget/counties/037/2062/lines.json").statusCode())
        .isEqualTo(400);
    // the API keeps its shape
    JsonNode api =
        json(
            new Browser()
                .get("/api/v1/budget/lines?county=037&fy=2062-63", "application/json")
                .body());
    assertThat(api.get("totalItems").asInt()).isEqualTo(3);
    assertThat(api.get("items").get(0).has("absorption")).isFalse();
  }

  private static void assertDownloadedTable(Table table, String ward) {
    assertThat(table.header())
        .containsExactly(
            "department",
            "programme",
            "sub-programme",
            "economic classification",
            "ward code",
            "ward name",
            "approved",
            "supplementary",
            "actual q1",
            "actual q2",
            "actual q3",
            "actual q4",
            "actual total",
            "absorption %");
    assertThat(table.rows()).hasSize(3);
    List<String> health = table.rows().get(0).cells();
    assertThat(health.subList(0, 4))
        .containsExactly("Health", "Curative services", "Dispensaries", "Use of goods");
    assertThat(health.get(4)).isEqualTo(ward);
    assertThat(new BigDecimal(health.get(6))).isEqualByComparingTo("1200000");
    assertThat(new BigDecimal(health.get(7))).isEqualByComparingTo("1300000");
    assertThat(new BigDecimal(health.get(8))).isEqualByComparingTo("250000");
    assertThat(health.get(10)).isEmpty();
    assertThat(new BigDecimal(health.get(12))).isEqualByComparingTo("550000");
    assertThat(health.get(13)).isEqualTo("42");
    List<String> water = table.rows().get(2).cells();
    assertThat(water.get(0)).isEqualTo("Water");
    assertThat(water.get(4)).isEmpty();
    assertThat(new BigDecimal(water.get(12))).isEqualByComparingTo("0");
    assertThat(water.get(13)).isEqualTo("0");
  }

  /** Imports three lines: Health (in the first ward), Roads (same ward) and Water (county-wide). */
  private String importDemoLines(String fy) {
    Browser official = staff(jdbc, "budget-lines-data", "COUNTY_OFFICIAL", KAKAMEGA);
    String ward = ward(jdbc, KAKAMEGA);
    String csv =
        "Department,Programme,Sub-programme,Economic classification,Ward,Approved,Supplementary,"
            + "Actual Q1,Actual Q2,Actual Q3,Actual Q4\n"
            + "Health,Curative services,Dispensaries,Use of goods,"
            + ward
            + ",\"1,200,000\",1300000,250000,300000,,\n"
            + "Roads,Rural roads,Gravelling,Acquisition of assets,"
            + ward
            + ",5000000,,1000000,,,\n"
            + "Water,Boreholes,,,,700000,,,,,\n";
    String path = "/budget/counties/037/" + fy + "/lines";
    official.get(path);
    HttpResponse<String> imported =
        official.upload(path, "file", "lines.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.body()).contains("3 lines imported; 0 problems");
    return ward;
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    assertThat(start).as(from).isNotNegative();
    return text.substring(start, text.indexOf(to, start));
  }
}
