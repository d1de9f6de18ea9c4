package ke.baraza.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.testing.Browser;
import ke.baraza.testing.TestEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Gateways, phone numbers, outboxes and staff for the feedback tests. */
final class FeedbackFixtures {

  /** Machakos; its ward Kathiani Central and the sub-county Kathiani it lies in. */
  static final String MACHAKOS = "016";

  static final String KATHIANI_CENTRAL = "0391";
  static final String MITABONI = "0390";

  /** The eight bytes that make a PNG, and a little more. */
  static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1
  };

  static final Pattern REFERENCE = Pattern.compile("[A-Z]{3}-[2-9A-HJ-NP-Z]{5}");
  static final Pattern CODE = Pattern.compile("(?:[2-9A-HJ-NP-Z]{4}-){3}[2-9A-HJ-NP-Z]{4}");

  private static final Random RANDOM = new Random();
  private static final HttpClient GATEWAY = HttpClient.newHttpClient();

  private FeedbackFixtures() {}

  /** A Kenyan mobile number no other test uses, E.164. */
  static String uniquePhone() {
    return "+25471" + String.format("%07d", RANDOM.nextInt(10_000_000));
  }

  static String uniqueId() {
    return "ATXid_" + UUID.randomUUID().toString().replace("-", "");
  }

  /** Posts an inbound SMS as Africa's Talking does: form-encoded, no session, no CSRF token. */
  static HttpResponse<String> sms(String from, String to, String text, String id) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("from", from);
    fields.put("to", to);
    fields.put("text", text);
    fields.put("date", "2026-05-04 08:15:00");
    fields.put("id", id);
    fields.put("linkId", UUID.randomUUID().toString());
    return gateway("/channels/africastalking/sms", fields);
  }

  /** Posts one USSD step as Africa's Talking does. */
  static HttpResponse<String> ussd(String session, String code, String phone, String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("sessionId", session);
    fields.put("serviceCode", code);
    fields.put("phoneNumber", phone);
    fields.put("networkCode", "63902");
    fields.put("text", text);
    return gateway("/channels/africastalking/ussd", fields);
  }

  static HttpResponse<String> gateway(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> Browser.enc(e.getKey()) + "=" + Browser.enc(e.getValue()))
            .collect(Collectors.joining("&"));
    try {
      return GATEWAY.send(
          HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs the same call {@code times} times at once and returns every result. */
  static <T> List<T> together(int times, Callable<T> call) {
    ExecutorService pool = Executors.newFixedThreadPool(times);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        futures.add(pool.submit(call));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** When this test JVM started: outbox files of earlier runs are older. */
  private static final long STARTED = System.currentTimeMillis() - 1_000;

  /** Every SMS the outbox holds for {@code phone} from this run, oldest first. */
  static List<String> smsTo(String phone) {
    Path outbox = Path.of("target/test-data-" + TestEnvironment.database(), "outbox");
    if (!Files.isDirectory(outbox)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(outbox)) {
      return files
          .filter(p -> p.getFileName().toString().contains("-sms-"))
          .filter(p -> p.toFile().lastModified() >= STARTED)
          .sorted()
          .map(FeedbackFixtures::read)
          .filter(text -> text.startsWith("To: " + phone + "\n"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first match of {@code pattern} in {@code text}, failing the test when there is none. */
  static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
    return m.group();
  }

  static long cases(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from feedback_case").query(Long.class).single();
  }

  static long storedFiles(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
  }

  /** A column of the case with this reference. */
  static <T> T column(JdbcClient jdbc, String reference, String column, Class<T> type) {
    return jdbc.sql("select " + column + " from feedback_case where reference = ?")
        .param(reference)
        .query(type)
        .single();
  }

  /** A signed-in account holding {@code role} in {@code county}, second factor done. */
  static Browser staff(JdbcClient jdbc, String who, String role, String county) {
    String email = AccountFixtures.verifiedAccount(who);
    AccountFixtures.grant(jdbc, email, role, county);
    Browser browser = new Browser();
    AccountFixtures.signInWithSecondFactor(browser, email, null);
    return browser;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
