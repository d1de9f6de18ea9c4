package ke.baraza.budget;

import static ke.baraza.budget.BudgetFixtures.onMilestone;
import static ke.baraza.budget.BudgetFixtures.today;
import static ke.baraza.budget.BudgetFixtures.views;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ke.baraza.directory.PeopleFixtures;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Outbox;
import ke.baraza.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Views on budget documents by SMS through the gateway's callback: {@code BAJETI WARD view} (or
 * {@code BUDGET …}) goes to the county's window open today, with the sender's number as contact,
 * once however often the gateway retries; every message gets a reply, and nothing is stored when no
 * window is open or the ward is unknown.
 */
@BarazaIntegrationTest
class SmsViewsIT {

  /** Vihiga, whose own SMS number is {@link #VIHIGA_NUMBER}. */
  static final String VIHIGA = "038";

  static final String VIHIGA_NUMBER = "40038";

  /** Bungoma and Busia are reached through a number that serves every county. */
  static final String BUNGOMA = "039";

  static final String BUSIA = "040";
  static final String SHARED_NUMBER = "22384";
  static final String FY = "2040-41";

  private static final Pattern VIEW_LINK = Pattern.compile("/budget/views/([A-Za-z0-9_-]+)");
  private static final Random RANDOM = new Random();
  private static final HttpClient GATEWAY = HttpClient.newHttpClient();

  @Autowired JdbcClient jdbc;

  @Test
  void aKiswahiliSmsRecordsAViewOnTheOpenWindowOfTheNumbersCountyAndRepliesWithItsAddress() {
    String window = vihigaWindow();
    String phone = uniquePhone();
    String id = uniqueId();
    int before = views(jdbc, window);

    assertThat(sms(phone, VIHIGA_NUMBER, "BAJETI Chavakali wadi tujengewe kisima sokoni", id))
        .isEqualTo(200);

    List<String> replies = Outbox.smsTo(phone);
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0))
        .contains("maoni yako kuhusu Karatasi ya Mkakati wa Fedha", "yamepokelewa");
    String view = link(replies.get(0));
    assertThat(replies.get(0)).contains("Kumbukumbu " + view);
    assertThat(views(jdbc, window)).isEqualTo(before + 1);
    Map<String, Object> row =
        jdbc.sql(
                "select v.channel, v.ward_code, v.body, v.contact, v.language, v.submission"
                    + " from budget_view v where v.public_id = ?")
            .param(view)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("channel", "SMS")
        .containsEntry("ward_code", "1057")
        .containsEntry("body", "tujengewe kisima sokoni")
        .containsEntry("contact", phone)
        .containsEntry("language", "sw")
        .containsEntry("submission", "SMS:" + id);
    assertThat(new Browser().get("/budget/views/" + view).body())
        .contains("tujengewe kisima sokoni")
        .doesNotContain(phone);
  }

  @Test
  void anEnglishKeywordAndAPartOfASlashedWardNameGetAnEnglishReply() {
    vihigaWindow();
    String phone = uniquePhone();
    sms(phone, VIHIGA_NUMBER, "budget: Izava repair the road to the dispensary", uniqueId());
    String reply = Outbox.smsTo(phone).get(0);
    assertThat(reply).contains("your view on the County Fiscal Strategy Paper", "was received");
    assertThat(column(link(reply), "ward_code")).isEqualTo("1055");
    assertThat(column(link(reply), "language")).isEqualTo("en");
  }

  @Test
  void aRetriedMessageRecordsOneViewAndSendsOneReplyEvenWhenRetriesArriveTogether()
      throws Exception {
    String window = vihigaWindow();
    String phone = uniquePhone();
    String id = uniqueId();
    int before = views(jdbc, window);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        sent.add(
            pool.submit(
                () -> sms(phone, VIHIGA_NUMBER, "BAJETI Shiru tujengewe daraja la mto", id)));
      }
      for (Future<Integer> status : sent) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(views(jdbc, window)).isEqualTo(before + 1);
    assertThat(Outbox.smsTo(phone)).hasSize(1);

    assertThat(sms(phone, VIHIGA_NUMBER, "BAJETI Shiru tujengewe daraja la mto", id))
        .isEqualTo(200);
    assertThat(views(jdbc, window)).isEqualTo(before + 1);
    assertThat(Outbox.smsTo(phone)).as("a later retry sends nothing again").hasSize(1);
  }

  @Test
  void anUnknownWardOrAMissingViewGetsAReplySayingWhatToFixAndStoresNothing() {
    String window = vihigaWindow();
    int before = views(jdbc, window);

    String unknown = uniquePhone();
    sms(unknown, VIHIGA_NUMBER, "BAJETI Atlantis tujengewe kisima", uniqueId());
    assertThat(Outbox.smsTo(unknown).get(0)).contains("hatukupata wadi yako", "BAJETI WADI MAONI");

    String elsewhere = uniquePhone();
    sms(elsewhere, VIHIGA_NUMBER, "BUDGET Siboti a market shed", uniqueId());
    assertThat(Outbox.smsTo(elsewhere).get(0))
        .as("Siboti is in Bungoma, not in the number's county")
        .contains("we could not find your ward");

    String noView = uniquePhone();
    sms(noView, VIHIGA_NUMBER, "BAJETI Chavakali", uniqueId());
    assertThat(Outbox.smsTo(noView).get(0)).contains("andika maoni yako baada ya jina la wadi");

    String keywordOnly = uniquePhone();
    sms(keywordOnly, VIHIGA_NUMBER, "bajeti", uniqueId());
    assertThat(Outbox.smsTo(keywordOnly).get(0)).contains("tuma BAJETI WADI MAONI");

    assertThat(views(jdbc, window)).isEqualTo(before);
  }

  @Test
  void withTwoWindowsOpenTheReplyListsTheirCodesTheCodeChoosesOneAndTheSenderIsToldTheResponse()
      throws Exception {
    Browser official = staff(jdbc, "budget-sms-bungoma", "COUNTY_OFFICIAL", BUNGOMA);
    String cfsp = open(official, BUNGOMA, "CFSP", today().minusDays(2), today().plusDays(5));
    String adp = open(official, BUNGOMA, "ADP", today(), today().plusDays(9));

    String phone = uniquePhone();
    sms(phone, SHARED_NUMBER, "BUDGET Siboti tarmac the Siboti-Bumula road", uniqueId());
    assertThat(Outbox.smsTo(phone).get(0))
        .contains("several budget documents are open for views: ADP, CFSP", "BUDGET CODE WARD");
    assertThat(views(jdbc, cfsp) + views(jdbc, adp)).isZero();

    sms(phone, SHARED_NUMBER, "BUDGET cfsp Siboti tarmac the Siboti-Bumula road", uniqueId());
    assertThat(Outbox.smsTo(phone)).hasSize(2);
    String received = oneReply(phone, "was received");
    assertThat(received).contains("County Fiscal Strategy Paper");
    assertThat(views(jdbc, cfsp)).isEqualTo(1);
    assertThat(views(jdbc, adp)).isZero();
    String view = link(received);
    assertThat(column(view, "ward_code")).isEqualTo("1095");

    String base = "/budget/participation/" + cfsp;
    official.get(base + "/consideration");
    assertThat(official.post(base + "/issues", Map.of("title", "Siboti road")).statusCode())
        .isEqualTo(302);
    String issue =
        jdbc.sql("select public_id from budget_issue where title = 'Siboti road'")
            .query(String.class)
            .single();
    official.get(base + "/consideration");
    assertThat(
            official.post(base + "/grouping", Map.of("issue", issue, "views", view)).statusCode())
        .isEqualTo(302);
    official.get(base + "/consideration");
    official.post(
        base + "/issues/" + issue + "/response",
        Map.of("response", "ADOPTED", "reason", "Funded", "landedIn", "Roads programme"));
    official.get(base + "/consideration");
    HttpResponse<String> published = official.post(base + "/publish", Map.of());
    assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
    for (int i = 0; i < 50 && Outbox.smsTo(phone).size() < 3; i++) {
      Thread.sleep(100); // the outbox file may land just after the response
    }
    assertThat(Outbox.smsTo(phone)).hasSize(3);
    assertThat(oneReply(phone, "Details:"))
        .as("the sender is told how the view was considered")
        .contains(
            "your view on the County Fiscal Strategy Paper", "Adopted", "/budget/views/" + view);
  }

  @Test
  void whenNoWindowIsOpenTheReplySaysSoInTheKeywordsLanguageAndNothingIsStored() {
    Browser official = staff(jdbc, "budget-sms-busia", "COUNTY_OFFICIAL", BUSIA);
    String closed = open(official, BUSIA, "CFSP", today().minusDays(10), today().minusDays(1));

    String swahili = uniquePhone();
    sms(swahili, SHARED_NUMBER, "BAJETI Malaba Central tujengewe soko", uniqueId());
    assertThat(Outbox.smsTo(swahili).get(0))
        .contains("hakuna hati ya bajeti ya kaunti iliyo wazi kwa maoni leo");

    String english = uniquePhone();
    sms(english, SHARED_NUMBER, "BUDGET Malaba Central build a market", uniqueId());
    assertThat(Outbox.smsTo(english).get(0))
        .contains("no county budget document is open for views today");
    assertThat(views(jdbc, closed)).isZero();
  }

  /** Vihiga's CFSP window, open from yesterday for two weeks; opened once for the whole class. */
  private synchronized String vihigaWindow() {
    if (jdbc.sql("select count(*) from feedback_gateway_code where code = ?")
            .param(VIHIGA_NUMBER)
            .query(Integer.class)
            .single()
        == 0) {
      jdbc.sql(
              "insert into feedback_gateway_code (channel, code, county_code) values ('SMS', ?, ?)")
          .params(VIHIGA_NUMBER, VIHIGA)
          .update();
      Browser official = staff(jdbc, "budget-sms-vihiga", "COUNTY_OFFICIAL", VIHIGA);
      open(official, VIHIGA, "CFSP", today().minusDays(1), today().plusDays(14));
    }
    return jdbc.sql(
            "select w.public_id from budget_window w join budget_milestone m"
                + " on m.id = w.milestone_id where m.county_code = ? and m.code = 'CFSP'")
        .param(VIHIGA)
        .query(String.class)
        .single();
  }

  private static String open(
      Browser official, String county, String code, LocalDate opens, LocalDate closes) {
    HttpResponse<String> opened =
        onMilestone(
            official,
            county,
            FY,
            code,
            "participation",
            Map.of("opensOn", opens.toString(), "closesOn", closes.toString(), "programmes", ""));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
    return PeopleFixtures.after(opened, "/budget/participation/");
  }

  private String column(String view, String column) {
    return jdbc.sql("select " + column + " from budget_view where public_id = ?")
        .param(view)
        .query(String.class)
        .single();
  }

  /**
   * The one SMS to {@code phone} that contains {@code text} (the outbox orders within a second at
   * random).
   */
  private static String oneReply(String phone, String text) {
    List<String> found = Outbox.smsTo(phone).stream().filter(r -> r.contains(text)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static String link(String reply) {
    Matcher m = VIEW_LINK.matcher(reply);
    assertThat(m.find()).as(reply).isTrue();
    return m.group(1);
  }

  private static String uniquePhone() {
    return "+25472" + String.format("%07d", RANDOM.nextInt(10_000_000));
  }

  private static String uniqueId() {
    return "ATXid_" + UUID.randomUUID().toString().replace("-", "");
  }

  /** Posts an inbound SMS as Africa's Talking does and returns the status. */
  private static int sms(String from, String to, String text, String id) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("from", from);
    fields.put("to", to);
    fields.put("text", text);
    fields.put("date", "2026-05-04 08:15:00");
    fields.put("id", id);
    fields.put("linkId", UUID.randomUUID().toString());
    String body =
        fields.entrySet().stream()
            .map(e -> Browser.enc(e.getKey()) + "=" + Browser.enc(e.getValue()))
            .collect(Collectors.joining("&"));
    try {
      return GATEWAY
          .send(
              HttpRequest.newBuilder(
                      URI.create(TestEnvironment.baseUrl() + "/channels/africastalking/sms"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
