package ke.baraza.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

@BarazaIntegrationTest
class DemoDataIT {

  @Autowired DemoData demo;
  @Autowired JdbcClient jdbc;

  @Test
  void loadsTheSeedNetworksOnlyWhenAskedAndOnlyOnce() {
    long before = count("select count(*) from organisation");
    demo.run(new DefaultApplicationArguments());
    assertThat(count("select count(*) from organisation"))
        .as("nothing without --demo")
        .isEqualTo(before);

    demo.run(new DefaultApplicationArguments("--demo"));
    long organisations = count("select count(*) from organisation");
    assertThat(
            count(
                "select count(*) from body where acronym = 'MCCN' and county_code = '016'" + DEMO))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from membership m join body b on b.id = m.body_id"
                    + " where b.acronym = 'MCCN' and m.status = 'ACTIVE'"
                    + DEMO.replace("description", "b.description")))
        .as("HERAF and a CBO in each of the ten wards of Masinga and Yatta")
        .isEqualTo(11);
    assertThat(
            count(
                "select count(*) from organisation g join organisation c on c.id = g.affiliated_to_id"
                    + " where c.name like '% Ward CBO' and c.description = 'Demo data'"))
        .isEqualTo(20);
    assertThat(
            count(
                "select count(*) from membership m join body b on b.id = m.body_id"
                    + " where b.acronym = 'KCOP' and m.mou_signed_on is not null"
                    + DEMO.replace("description", "b.description")))
        .isEqualTo(7);
    assertThat(count("select count(*) from body where acronym = 'SEK'" + DEMO)).isEqualTo(3);
    assertThat(
            count(
                "select count(*) from body where kind = 'STEERING_COMMITTEE' and county_code = '037'"
                    + DEMO))
        .isEqualTo(1);

    demo.run(new DefaultApplicationArguments("--demo"));
    assertThat(count("select count(*) from organisation"))
        .as("a second run adds nothing")
        .isEqualTo(organisations);

    String mccn =
        jdbc.sql("select public_id from body where acronym = 'MCCN'" + DEMO)
            .query(String.class)
            .single();
    assertThat(new Browser().get("/bodies/" + mccn).body())
        .contains(
            "Machakos County CSO Network",
            "Masinga",
            "Yatta",
            "Kivaa Ward CBO",
            "Kivaa Women Self-Help Group");
  }

  /** Rows made by the demo loader, not by other tests with similar names. */
  static final String DEMO = " and description like '%(Demo data)'";

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
