package ke.baraza.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code --demo} gives Kakamega its 2025-26 budget cycle, once, and only when asked. */
@BarazaIntegrationTest
class DemoBudgetIT {

  @Autowired DemoBudget demo;
  @Autowired JdbcClient jdbc;

  @Test
  void kakamegasBudgetCycleComesOnlyWithDemoAndOnlyOnce() throws Exception {
    long before = rows();
    demo.run(new DefaultApplicationArguments());
    assertThat(rows()).as("nothing without --demo").isEqualTo(before);
    demo.run(new DefaultApplicationArguments("--demo"));
    long loaded = rows();
    demo.run(new DefaultApplicationArguments("--demo"));
    assertThat(rows()).as("loaded once").isEqualTo(loaded).isPositive();

    JsonMapper json = JsonMapper.builder().build();
    JsonNode calendar =
        json.readTree(
            new Browser()
                .get("/api/v1/budget/calendar?county=037&fy=2025-26", "application/json")
                .body());
    String window = null;
    for (JsonNode m : calendar.get("milestones")) {
      if (m.get("code").asText().equals("CFSP")) {
        assertThat(m.get("status").asText()).isEqualTo("PUBLISHED");
        window = m.get("participationId").asText();
      }
      if (m.get("code").asText().equals("CBROP")) {
        assertThat(m.get("late").asBoolean()).isTrue();
      }
    }
    String csv =
        new String(
            new Browser().download("/budget/participation/" + window + "/report.csv").body(),
            StandardCharsets.UTF_8);
    assertThat(csv.lines()).hasSize(7);
    assertThat(
            json.readTree(
                    new Browser()
                        .get("/api/v1/budget/lines?county=037&fy=2025-26", "application/json")
                        .body())
                .get("totalItems")
                .asInt())
        .isEqualTo(6);
    assertThat(new Browser().get("/budget/counties/037/2025-26/pb").body()).contains("/budget/pb/");
  }

  private long rows() {
    return jdbc.sql(
            "select count(*) from budget_milestone where county_code = '037' and fiscal_year = 2025")
        .query(Long.class)
        .single();
  }
}
