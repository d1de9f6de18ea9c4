package ke.baraza.meetings;

import static ke.baraza.directory.PeopleFixtures.admit;
import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static ke.baraza.meetings.MeetingFixtures.form;
import static ke.baraza.meetings.MeetingFixtures.holderFor;
import static ke.baraza.meetings.MeetingFixtures.meeting;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Selects;
import ke.baraza.testing.TestEnvironment;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public calendar of Kakamega's KCOP: filters and pages, iCalendar feeds checked by ical4j, the
 * JSON API, and members-only and private meetings kept from the public everywhere.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarIT {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired JdbcClient jdbc;

  Browser official;
  String kcop;
  String tag;

  @BeforeAll
  void setUp() {
    official = staff(jdbc, "calendar-official", "COUNTY_OFFICIAL", "037");
    kcop = body(official, "037", "Kakamega Community of Practice " + n());
    tag = n();
    Map<String, String> monthly = form("KCOP monthly meeting " + tag, "2032-01-15");
    monthly.put("recurrence", "MONTHLY");
    monthly.put("occurrences", "12");
    meeting(official, kcop, monthly);
    Map<String, String> forum = form("Ward forum on the budget " + tag, "2032-02-10");
    forum.put("kind", "PUBLIC_FORUM");
    forum.put("recurrence", "QUARTERLY");
    forum.put("occurrences", "12");
    forum.put("venue", "Lurambi Social Hall");
    forum.put("online", "https://meet.example.org/kcop-forum");
    meeting(official, kcop, forum);
  }

  @Test
  void theCalendarFiltersByBodyKindAndDateAndPagesThroughTheMeetings() {
    String all = page("/calendar?body=" + kcop + "&from=2032-01-01");
    assertThat(all).contains("24 meetings", "Page 1 of 2", "KCOP monthly meeting " + tag);
    assertThat(links(all)).hasSize(20);
    assertThat(all.indexOf("15 January 2032")).isLessThan(all.indexOf("10 February 2032"));
    assertThat(links(page("/calendar?body=" + kcop + "&from=2032-01-01&page=1"))).hasSize(4);
    assertThat(page("/calendar?body=" + kcop + "&from=2032-01-01&kind=PUBLIC_FORUM"))
        .contains("12 meetings")
        .doesNotContain("KCOP monthly meeting");
    assertThat(page("/calendar?body=" + kcop + "&from=2033-01-01"))
        .as("the quarterly forums of 2033 and 2034 only")
        .contains("8 meetings");
    assertThat(page("/calendar?county=037&from=2032-01-01"))
        .contains("KCOP monthly meeting " + tag, "/calendar/counties/037.ics");
    assertThat(page("/calendar?county=016&from=2032-01-01")).doesNotContain(tag);
    assertThat(page("/calendar?body=" + kcop + "&from=2032-01-01&lang=sw"))
        .contains("Kalenda ya mikutano", "Mikutano 24", "Jukwaa la ushiriki wa umma");
    Browser anyone = new Browser();
    assertThat(anyone.get("/calendar?from=tomorrow").statusCode()).isEqualTo(400);
    assertThat(anyone.get("/calendar?from=tomorrow").body())
        .contains("Write the date as 2026-03-14.");
    assertThat(anyone.get("/calendar?kind=PARTY").statusCode()).isEqualTo(400);
    assertThat(anyone.get("/calendar?county=999").statusCode()).isEqualTo(404);
    assertThat(anyone.get("/calendar?body=nosuchbody22").statusCode()).isEqualTo(404);
    assertThat(page("/calendar")).contains("Calendar of meetings", "href=\"/calendar\"");
  }

  @Test
  void feedsAreValidICalendarInNairobiTimeWithUidsThatNeverChange() throws Exception {
    HttpResponse<String> response = new Browser().get("/calendar/bodies/" + kcop + ".ics", "*/*");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/calendar");
    assertThat(response.body()).contains("\r\n").doesNotContain("\n\n");
    Calendar feed = valid(response.body());
    List<VEvent> events = events(feed);
    assertThat(events).hasSize(24);
    VTimeZone zone =
        feed.getComponents().stream()
            .filter(VTimeZone.class::isInstance)
            .map(VTimeZone.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(value(zone.getProperty(Property.TZID))).isEqualTo("Africa/Nairobi");
    VEvent forum = event(events, "Ward forum on the budget " + tag);
    var start = forum.getProperty(Property.DTSTART).orElseThrow();
    assertThat(start.getValue()).isEqualTo("20320210T100000");
    assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Africa/Nairobi");
    assertThat(value(forum.getProperty(Property.LOCATION))).startsWith("Lurambi Social Hall");
    assertThat(value(forum.getProperty(Property.DESCRIPTION)))
        .contains("Public participation forum", "https://meet.example.org/kcop-forum");
    String uid = value(forum.getProperty(Property.UID));

    String id =
        jdbc.sql("select public_id from meeting where title = ? order by starts_at")
            .param("Ward forum on the budget " + tag)
            .query(String.class)
            .list()
            .get(0);
    String renamed = "Bajeti ya kaunti; maoni, mapendekezo na \\ majibu – " + tag;
    Map<String, String> edit = form(renamed, "2032-02-10");
    edit.put("kind", "PUBLIC_FORUM");
    edit.put("version", version(id));
    official.get("/meetings/" + id + "/edit");
    assertThat(official.post("/meetings/" + id, edit).statusCode()).isEqualTo(302);
    official.get("/meetings/" + id);
    official.post("/meetings/" + id + "/cancel", Map.of());

    Calendar again = valid(new Browser().get("/calendar/bodies/" + kcop + ".ics", "*/*").body());
    VEvent changed = event(events(again), renamed);
    assertThat(value(changed.getProperty(Property.UID))).as("the same event").isEqualTo(uid);
    assertThat(Integer.parseInt(value(changed.getProperty(Property.SEQUENCE))))
        .isGreaterThan(Integer.parseInt(value(forum.getProperty(Property.SEQUENCE))));
    assertThat(value(changed.getProperty(Property.STATUS))).isEqualTo("CANCELLED");

    HttpResponse<String> county = new Browser().get("/calendar/counties/037.ics", "*/*");
    assertThat(county.statusCode()).isEqualTo(200);
    assertThat(events(valid(county.body())).stream().map(CalendarIT::summary))
        .contains("KCOP monthly meeting " + tag, renamed);
    assertThat(new Browser().get("/calendar/counties/999.ics", "*/*").statusCode()).isEqualTo(404);
    assertThat(new Browser().get("/calendar/bodies/nosuchbody22.ics", "*/*").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theApiListsPublicMeetingsAsPages() {
    JsonNode first = api("/api/v1/meetings?body=" + kcop + "&from=2032-01-01&size=5");
    assertThat(first.get("totalItems").asLong()).isEqualTo(24);
    assertThat(first.get("items")).hasSize(5);
    assertThat(first.get("hasNext").asBoolean()).isTrue();
    JsonNode meeting = first.get("items").get(0);
    assertThat(meeting.get("title").asString()).isEqualTo("KCOP monthly meeting " + tag);
    assertThat(meeting.get("start").asString()).isEqualTo("2032-01-15T10:00:00+03:00");
    assertThat(meeting.get("kind").asString()).isEqualTo("COORDINATION_MEETING");
    assertThat(meeting.get("organiserId").asString()).isEqualTo(kcop);
    assertThat(meeting.get("organiserName").asString()).startsWith("Kakamega Community");
    assertThat(meeting.get("countyCode").asString()).isEqualTo("037");
    assertThat(
            api("/api/v1/meetings?county=037&from=2032-01-01&size=200").get("totalItems").asLong())
        .isGreaterThanOrEqualTo(24);
    assertThat(
            api("/api/v1/meetings/" + meeting.get("publicId").asString()).get("title").asString())
        .isEqualTo("KCOP monthly meeting " + tag);
    HttpResponse<String> unknown =
        new Browser().get("/api/v1/meetings?county=999", "application/json");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> badDate =
        new Browser().get("/api/v1/meetings?from=15-01-2032", "application/json");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("Write the date as 2026-03-14.");
  }

  @Test
  void eachPageOfTheApiCostsTheSameQueriesWhateverItsSize() {
    Assumptions.assumeTrue("h2".equals(TestEnvironment.database()), "H2 counts statements");
    String path = "/api/v1/meetings?county=037&from=2032-01-01&size=";
    jdbc.sql("set query_statistics true").update();
    api(path + "1"); // warm up
    long one = Selects.count(jdbc, () -> api(path + "1"));
    long twenty = Selects.count(jdbc, () -> api(path + "20"));
    jdbc.sql("set query_statistics false").update();
    assertThat(twenty).isEqualTo(one);
  }

  @Test
  void membersOnlyAndPrivateMeetingsNeverReachThePublic() {
    String member = organisation(official, "037", "Lurambi Youth CBO " + n(), null);
    admit(official, kcop, member);
    String secret = n();
    Map<String, String> membersForm = form("Members briefing " + secret, "2032-06-01");
    membersForm.put("visibility", "MEMBERS");
    String membersOnly = meeting(official, kcop, membersForm);
    Map<String, String> privateForm = form("Steering retreat " + secret, "2032-06-02");
    privateForm.put("visibility", "PRIVATE");
    String privateOne = meeting(official, kcop, privateForm);

    Browser anonymous = new Browser();
    Browser citizen = MeetingFixtures.citizen();
    for (Browser outsider : List.of(anonymous, citizen)) {
      for (String path :
          List.of(
              "/calendar?body=" + kcop + "&from=2032-01-01",
              "/calendar?county=037&from=2032-05-01",
              "/calendar?from=2032-05-31",
              "/calendar/counties/037.ics",
              "/calendar/bodies/" + kcop + ".ics",
              "/api/v1/meetings?county=037&from=2032-05-31&size=200",
              "/api/v1/meetings?body=" + kcop + "&from=2032-05-31&size=200")) {
        HttpResponse<String> response = outsider.get(path, "*/*");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).doesNotContain(secret, membersOnly, privateOne);
      }
      for (String id : List.of(membersOnly, privateOne)) {
        assertThat(outsider.get("/meetings/" + id).statusCode()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/meetings/" + id, "application/json").statusCode())
            .isEqualTo(404);
      }
    }

    Browser memberEditor = holderFor(jdbc, "ORGANISATION_EDITOR", "037", member);
    assertThat(memberEditor.get("/meetings/" + membersOnly).body())
        .contains("Members briefing " + secret, "Members only");
    assertThat(memberEditor.get("/meetings/" + privateOne).statusCode()).isEqualTo(404);
    assertThat(memberEditor.get("/calendar?body=" + kcop + "&from=2032-05-31").body())
        .doesNotContain(secret);

    Browser coordinator = holderFor(jdbc, "NETWORK_COORDINATOR", "037", kcop);
    assertThat(coordinator.get("/calendar?body=" + kcop + "&from=2032-05-31").body())
        .as("the body's own people see all of its meetings")
        .contains("Members briefing " + secret, "Steering retreat " + secret, "Private");
    assertThat(coordinator.get("/calendar/bodies/" + kcop + ".ics", "*/*").body())
        .as("feeds are public: never")
        .doesNotContain(secret);
    assertThat(coordinator.get("/meetings/" + privateOne).statusCode()).isEqualTo(200);
  }

  // ---

  private String page(String path) {
    HttpResponse<String> response = new Browser().get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private JsonNode api(String path) {
    HttpResponse<String> response = new Browser().get(path, "application/json");
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<String> links(String html) {
    Matcher m = Pattern.compile("<a href=\"/meetings/([a-z0-9]{12})\">").matcher(html);
    List<String> ids = new java.util.ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private String version(String meeting) {
    return jdbc.sql("select version from meeting where public_id = ?")
        .param(meeting)
        .query(Long.class)
        .single()
        .toString();
  }

  private static Calendar valid(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    ValidationResult result = calendar.validate();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return calendar;
  }

  private static List<VEvent> events(Calendar calendar) {
    return calendar.getComponents().stream()
        .filter(VEvent.class::isInstance)
        .map(VEvent.class::cast)
        .toList();
  }

  private static VEvent event(List<VEvent> events, String summary) {
    return events.stream()
        .filter(e -> summary.equals(summary(e)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event " + summary));
  }

  private static String summary(VEvent event) {
    return value(event.getProperty(Property.SUMMARY));
  }

  private static String value(java.util.Optional<? extends Property> property) {
    return property.orElseThrow().getValue();
  }
}
