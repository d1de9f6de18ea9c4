package ke.baraza.meetings.internal;

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

/** {@code --demo} gives the seeds' bodies their meetings, once, after the directory's demo data. */
@BarazaIntegrationTest
class DemoMeetingsIT {

  @Autowired ApplicationContext context;
  @Autowired DemoMeetings demoMeetings;
  @Autowired JdbcClient jdbc;

  @Test
  void theSeedsBodiesGetTheirMeetingsOnlyWhenAskedAndOnlyOnce() throws Exception {
    long before = demoCount();
    demoMeetings.run(new DefaultApplicationArguments());
    assertThat(demoCount()).as("nothing without --demo").isEqualTo(before);

    List<ApplicationRunner> runners =
        new ArrayList<>(context.getBeansOfType(ApplicationRunner.class).values());
    AnnotationAwareOrderComparator.sort(runners);
    for (ApplicationRunner runner : runners) {
      runner.run(new DefaultApplicationArguments("--demo"));
    }
    long loaded = demoCount();
    assertThat(monthly("MCCN monthly coordination meeting")).isEqualTo(6);
    assertThat(monthly("SEK monthly coordination meeting"))
        .as("three in each of three counties")
        .isEqualTo(9);
    assertThat(
            jdbc.sql(
                    "select count(*) from meeting where kind = 'PUBLIC_FORUM' and county_code ="
                        + " '037' and description like '%(Demo data)'")
                .query(Long.class)
                .single())
        .isEqualTo(3);
    assertThat(
            jdbc.sql(
                    "select count(*) from meeting where status = 'CLOSED' and title ="
                        + " 'County stakeholder onboarding workshop'")
                .query(Long.class)
                .single())
        .as("the workshop of January 2021 is over")
        .isEqualTo(3);
    assertThat(
            jdbc.sql(
                    "select count(*) from agenda_item a join meeting m on m.id = a.meeting_id"
                        + " where m.description like '%(Demo data)'")
                .query(Long.class)
                .single())
        .as("every demo meeting has an agenda")
        .isGreaterThanOrEqualTo(loaded - before);

    assertThat(
            jdbc.sql(
                    "select t.topic from training t join meeting m on m.id = t.meeting_id"
                        + " where m.description like '%(Demo data)'")
                .query(String.class)
                .list())
        .containsExactly("BUDGET_ANALYSIS_AND_AUDIT");

    demoMeetings.run(new DefaultApplicationArguments("--demo"));
    assertThat(demoCount()).as("a second run adds nothing").isEqualTo(loaded);

    String calendar = new Browser().get("/calendar?county=016").body();
    assertThat(calendar).contains("MCCN monthly coordination meeting");
  }

  private long demoCount() {
    return jdbc.sql("select count(*) from meeting where description like '%(Demo data)'")
        .query(Long.class)
        .single();
  }

  private long monthly(String title) {
    return jdbc.sql(
            "select count(*) from meeting where title = ? and recurrence = 'MONTHLY'"
                + " and description like '%(Demo data)'")
        .param(title)
        .query(Long.class)
        .single();
  }
}
