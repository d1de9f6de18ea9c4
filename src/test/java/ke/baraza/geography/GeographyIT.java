package ke.baraza.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import ke.baraza.shared.PageRequest;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@BarazaIntegrationTest
class GeographyIT {

  @Autowired GeographyApi geography;
  @Autowired JdbcClient jdbc;

  @Test
  void loadsAll47Counties290SubCountiesAnd1450WardsOnce() {
    assertThat(count("county")).isEqualTo(47);
    assertThat(count("subcounty")).isEqualTo(290);
    assertThat(count("ward")).isEqualTo(1450);
    assertThat(geography.counties()).first().extracting(County::code).isEqualTo("001");
    assertThat(geography.counties()).last().extracting(County::name).isEqualTo("Nairobi");
  }

  @Test
  void machakosHasMasingaAndYattaAmongItsEightSubCountiesAndFortyWards() {
    assertThat(geography.subCounties("016"))
        .hasSize(8)
        .extracting(SubCounty::name)
        .contains("Masinga", "Yatta");
    assertThat(geography.wards("016", new PageRequest(0, 200)).totalItems()).isEqualTo(40);
  }

  @Test
  void apiListsCountiesSubCountiesAndPagesOfWards() {
    Browser api = new Browser();
    HttpResponse<String> counties = api.get("/api/v1/counties", "application/json");
    assertThat(counties.statusCode()).isEqualTo(200);
    assertThat(counties.body())
        .contains("\"code\":\"047\"", "\"nameFirstSchedule\":\"Nairobi City\"");

    HttpResponse<String> machakos = api.get("/api/v1/counties/016", "application/json");
    assertThat(machakos.body())
        .contains("\"name\":\"Machakos\"", "\"subCounties\":8", "\"wards\":40");

    assertThat(api.get("/api/v1/counties/016/subcounties", "application/json").body())
        .contains("Masinga", "Yatta");

    HttpResponse<String> page =
        api.get("/api/v1/counties/047/wards?page=1&size=10", "application/json");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("\"page\":1", "\"size\":10", "\"totalItems\":85", "\"totalPages\":9");
    assertThat(page.body().split("\"code\":\"").length - 1).isEqualTo(10);

    assertThat(api.get("/api/v1/counties/016/wards?size=100000", "application/json").body())
        .contains("\"size\":200");
    assertThat(api.get("/api/v1/wards/0001", "application/json").body()).contains("Port Reitz");
  }

  @Test
  void unknownCodesGetA404InTheUsersLanguage() {
    HttpResponse<String> english = new Browser().get("/api/v1/counties/048", "application/json");
    assertThat(english.statusCode()).isEqualTo(404);
    assertThat(english.body()).contains("There is no county with code \\\"048\\\"");
    HttpResponse<String> kiswahili =
        new Browser()
            .acceptLanguage("sw-KE,sw;q=0.9")
            .get("/api/v1/counties/abc", "application/json");
    assertThat(kiswahili.statusCode()).isEqualTo(404);
    assertThat(kiswahili.body()).contains("Hakuna kaunti yenye nambari");
    assertThat(new Browser().get("/wards/99999").statusCode()).isEqualTo(404);
    assertThat(new Browser().get("/counties/go?code=" + Browser.enc("<script>")).body())
        .doesNotContain("<script>");
  }

  @Test
  void publicPagesShowCountiesSubCountiesWardsAndBoundaries() {
    Browser browser = new Browser();
    HttpResponse<String> counties = browser.get("/counties");
    assertThat(counties.body())
        .contains("Machakos", "/counties/016", "data-geojson=\"/geo/counties.geojson\"");
    HttpResponse<String> machakos = browser.get("/counties/016");
    assertThat(machakos.body()).contains("Masinga", "Yatta", "/wards/");
    assertThat(browser.follow(browser.get("/counties/go?code=016")).body())
        .contains("Machakos County");
    HttpResponse<String> geojson =
        browser.get("/geo/counties/016/subcounties.geojson", "application/geo+json");
    assertThat(geojson.statusCode()).isEqualTo(200);
    assertThat(geojson.body())
        .contains("FeatureCollection", "Masinga")
        .doesNotContain("Kitui Central");
    assertThat(browser.get("/geo/wards/0001.geojson", "application/geo+json").body())
        .contains("Port Reitz");
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
