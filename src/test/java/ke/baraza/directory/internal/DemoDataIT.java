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
    demo.run(new DefaultApplicationArguments());
    assertThat(count("select count(*) from body where acronym = 'MCCN'"))
        .as("not without --demo")
        .isZero();

    demo.run(new DefaultApplicationArguments("--demo"));
    long organisations = count("select count(*) from organisation");
    assertThat(count("select count(*) from body where acronym = 'MCCN' and county_code = '016'"))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from membership m join body b on b.id = m.body_id where b.acronym = 'MCCN' and m.status = 'ACTIVE'"))
        .as("HERAF and a CBO in each of the ten wards of Masinga and Yatta")
        .isEqualTo(11);
    assertThat(
            count(
                "select count(*) from organisation g join organisation c on c.id = g.affiliated_to_id where c.name like '% Ward CBO'"))
        .isEqualTo(20);
    assertThat(
            count(
                "select count(*) from membership m join body b on b.id = m.body_id where b.acronym = 'KCOP' and m.mou_signed_on is not null"))
        .isEqualTo(7);
    assertThat(count("select count(*) from body where acronym = 'SEK'")).isEqualTo(3);
    assertThat(
            count(
                "select count(*) from body where kind = 'STEERING_COMMITTEE' and county_code = '037'"))
        .isEqualTo(1);

    demo.run(new DefaultApplicationArguments("--demo"));
    assertThat(count("select count(*) from organisation"))
        .as("a second run adds nothing")
        .isEqualTo(organisations);

    String mccn =
        jdbc.sql("select public_id from body where acronym = 'MCCN'").query(String.class).single();
    assertThat(new Browser().get("/bodies/" + mccn).body())
        .contains(
            "Machakos County CSO Network",
            "Masinga",
            "Yatta",
            "Kivaa Ward CBO",
            "Kivaa Women Self-Help Group");
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
