package ke.baraza.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code --demo} loads Kakamega's OGP action plan (seed 004), once, after the directory's data. */
@BarazaIntegrationTest
class DemoPlansIT {

  @Autowired ApplicationContext context;
  @Autowired DemoPlans demoPlans;
  @Autowired JdbcClient jdbc;

  @Test
  void kakamegasActionPlanIsLoadedOnlyWhenAskedAndOnlyOnce() throws Exception {
    demoPlans.run(new DefaultApplicationArguments());
    List<ApplicationRunner> runners =
        new ArrayList<>(context.getBeansOfType(ApplicationRunner.class).values());
    AnnotationAwareOrderComparator.sort(runners);
    for (ApplicationRunner runner : runners) {
      runner.run(new DefaultApplicationArguments("--demo"));
    }
    demoPlans.run(new DefaultApplicationArguments("--demo"));
    assertThat(plans()).as("once").isEqualTo(1);
    String plan =
        jdbc.sql("select public_id from plan where title = ?")
            .param(DemoPlans.TITLE)
            .query(String.class)
            .single();
    assertThat(
            jdbc.sql(
                    "select distinct c.ambition_area from plan_commitment c join plan p on p.id ="
                        + " c.plan_id where p.public_id = ? order by c.ambition_area")
                .param(plan)
                .query(String.class)
                .list())
        .containsExactly(
            "Climate change",
            "Open budget and access to information",
            "Open county assembly",
            "Public participation and citizen engagement");
    String page = new Browser().get("/plans/" + plan).body();
    assertThat(page)
        .contains(
            DemoPlans.TITLE,
            "Kakamega OGP Steering Committee",
            "Kakamega Disability Caucus",
            "Ward forums and civic education for budgeting and policy-making",
            "Residents taking part in ward forums");
  }

  private long plans() {
    return jdbc.sql("select count(*) from plan where title = ?")
        .param(DemoPlans.TITLE)
        .query(Long.class)
        .single();
  }
}
