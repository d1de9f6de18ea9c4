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

    assertThat(posts("COUNTY_LEAD", "SEK")).as("one per county of seed 003's table").isEqualTo(3);
    assertThat(posts("DEPUTY_COUNTY_LEAD", "SEK")).isEqualTo(3);
    assertThat(posts("POINT_OF_CONTACT", "SEK")).isEqualTo(3);
    assertThat(posts("MEMBER", "OGP-SC")).as("the plan's four endorsers").isEqualTo(4);
    assertThat(
            count(
                "select count(*) from person p join post t on t.person_id = p.id"
                    + " join body b on b.id = t.body_id where (p.email is not null or p.phone is not"
                    + " null)"
                    + DEMO.replace("description", "b.description")))
        .as("no contacts for real people")
        .isZero();
    long people = count("select count(*) from person");
    long posts = count("select count(*) from post");

    demo.run(new DefaultApplicationArguments("--demo"));
    assertThat(count("select count(*) from organisation"))
        .as("a second run adds nothing")
        .isEqualTo(organisations);
    assertThat(count("select count(*) from person")).isEqualTo(people);
    assertThat(count("select count(*) from post")).isEqualTo(posts);

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

    String kitui = bodyId("SEK", "015");
    assertThat(new Browser().get("/bodies/" + kitui).body())
        .containsPattern("County lead: <a href=\"/people/[a-z0-9]{12}\">Patrick Mburu</a> \\(<a")
        .contains("Deputy county lead", "Meshack Mulinge", "KCDMS", "Patricia Koki");
    assertThat(new Browser().get("/bodies/" + bodyId("OGP-SC", "037")).body())
        .contains("Edward Wambani", "Kakamega Civil Society Network", "Conrad Keya", "YSAG");
    String popolo =
        new Browser().get("/api/v1/popolo/posts?county=006&size=200", "application/json").body();
    assertThat(popolo)
        .contains(
            "\"label\":\"County lead, SEK Coordination Mechanism\"",
            "\"label\":\"Deputy county lead, SEK Coordination Mechanism\"",
            "\"organization_id\":\"" + bodyId("SEK", "006") + "\"",
            "\"person_id\":\"" + personId("Ganga Rao", "006") + "\"",
            "\"person_id\":\"" + personId("Margaret Indimuli", "006") + "\"");
  }

  /** Posts of a role in the demo's bodies of an acronym. */
  private long posts(String role, String acronym) {
    return jdbc.sql(
            "select count(*) from post p join body b on b.id = p.body_id where p.role = ?"
                + " and b.acronym = ?"
                + DEMO.replace("description", "b.description"))
        .params(role, acronym)
        .query(Long.class)
        .single();
  }

  private String bodyId(String acronym, String county) {
    return jdbc.sql("select public_id from body where acronym = ? and county_code = ?" + DEMO)
        .params(acronym, county)
        .query(String.class)
        .single();
  }

  private String personId(String name, String county) {
    return jdbc.sql(
            "select p.public_id from person p join post t on t.person_id = p.id join body b on"
                + " b.id = t.body_id where p.name = ? and p.county_code = ?"
                + DEMO.replace("description", "b.description"))
        .params(name, county)
        .query(String.class)
        .single();
  }

  /** Rows made by the demo loader, not by other tests with similar names. */
  static final String DEMO = " and description like '%(Demo data)'";

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
