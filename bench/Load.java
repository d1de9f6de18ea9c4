// HTTP load on a running Baraza, from a second process on loopback: closed loop, C connections for
// D seconds after a warm-up, p50/p90/p99 latency and throughput per scenario.
// A single-file program: java -cp <jdbc jars> bench/Load.java BASE_URL JDBC_URL USER PASSWORD
//                        COUNTY CONNECTIONS SECONDS SCENARIO...
// Scenarios: floor search organisation track statistics wards-json open311 ical figures
//            where where-json activities complaint sms ussd. Sample ids (organisations, references, wards, service areas)
// are read from the database first. See bench/README.md.

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

public class Load {

  static final String[] WORDS = {"women", "youth", "water", "wakulima", "maendeleo", "health",
    "jamii", "savings", "umoja", "farmers"};
  static final String[] THEMES = {"HEALTH", "EDUCATION", "WATER_SANITATION",
    "AGRICULTURE_FOOD_SECURITY", "YOUTH", "LIVELIHOODS"};
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final AtomicLong UNIQUE = new AtomicLong(System.currentTimeMillis() % 10_000_000L * 100);

  record Sample(List<String> organisations, List<String> references, List<String> wards,
      Map<String, String> wardNames, List<String> areas, String smsCode, String ussdCode) {}

  /** One virtual user's state: its own cookies, and what a scenario keeps between requests. */
  static final class User {
    final HttpClient client;
    String csrf;

    User(boolean cookies) {
      HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
      if (cookies) {
        b.cookieHandler(new CookieManager());
      }
      client = b.build();
    }
  }

  interface Scenario {
    /** Sends one unit of work and returns the latencies (ns) of the requests it made. */
    long[] run(User user) throws Exception;
  }

  static String base;
  static String county;
  static Sample sample;

  public static void main(String[] args) throws Exception {
    base = args[0];
    county = args[4];
    int connections = Integer.parseInt(args[5]);
    int seconds = Integer.parseInt(args[6]);
    try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
      sample = sample(db, county);
    }
    System.out.printf("%-14s %5s %9s %8s %8s %8s %8s %7s%n", "scenario", "conns", "req/s", "p50 ms",
        "p90 ms", "p99 ms", "max ms", "errors");
    for (String name : Arrays.copyOfRange(args, 7, args.length)) {
      Scenario s = scenario(name);
      run(name, s, connections, Math.min(5, seconds), false);
      run(name, s, connections, seconds, true);
    }
  }

  static Scenario scenario(String name) {
    return switch (name) {
      case "floor" -> u -> get(u, "/actuator/health/liveness", "application/json");
      case "search" -> u -> get(u, "/api/v1/organisations?county=" + county + "&size=25&q="
          + pick(WORDS), "application/json");
      case "organisation" -> u -> get(u, "/organisations/" + pick(sample.organisations()), "text/html");
      case "track" -> u -> get(u, "/track/" + pick(sample.references()), "text/html");
      case "statistics" -> u -> get(u, "/feedback/" + county + "/statistics", "text/html");
      case "wards-json" -> u -> get(u, "/feedback/" + county + "/statistics/wards.json",
          "application/json");
      case "open311" -> u -> get(u, "/open311/v2/requests.json?jurisdiction_id=" + county,
          "application/json");
      case "ical" -> u -> get(u, "/calendar/counties/" + county + ".ics", "text/calendar");
      case "figures" -> u -> get(u, "/api/v1/meetings/figures?county=" + county, "application/json");
      case "where" -> u -> get(u, "/activities/counties/" + county + "/where", "text/html");
      case "where-json" -> u -> get(u, "/activities/counties/" + county + "/wards.json?theme="
          + pick(THEMES), "application/json");
      case "activities" -> u -> get(u, "/activities/counties/" + county + "?ward="
          + pick(sample.wards()), "text/html");
      case "complaint" -> Load::complaint;
      case "sms" -> Load::sms;
      case "ussd" -> Load::ussd;
      default -> throw new IllegalArgumentException("unknown scenario " + name);
    };
  }

  static void run(String name, Scenario scenario, int connections, int seconds, boolean report)
      throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<long[]> perThread = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    AtomicLong units = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    String[] firstError = new String[1];
    for (int c = 0; c < connections; c++) {
      long[][] holder = new long[1][];
      Thread t = Thread.ofPlatform().start(() -> {
        User user = new User(true);
        long[] latencies = new long[1 << 16];
        int n = 0;
        while (System.nanoTime() < end) {
          try {
            for (long l : scenario.run(user)) {
              if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
              }
              latencies[n++] = l;
            }
            units.incrementAndGet();
          } catch (Exception e) {
            errors.incrementAndGet();
            firstError[0] = String.valueOf(e.getMessage());
          }
        }
        holder[0] = Arrays.copyOf(latencies, n);
        synchronized (perThread) {
          perThread.add(holder[0]);
        }
      });
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    if (!report) {
      return;
    }
    long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    if (all.length == 0) {
      System.out.printf("%-14s no successful request; first error: %s%n", name, firstError[0]);
      return;
    }
    System.out.printf("%-14s %5d %9.0f %8.1f %8.1f %8.1f %8.1f %7d%n", name, connections,
        all.length / (double) seconds, ms(all, 0.50), ms(all, 0.90), ms(all, 0.99),
        all[all.length - 1] / 1e6, errors.get());
    if (!name.equals("ussd") && units.get() != all.length) {
      System.out.printf("  (%,d units of work)%n", units.get());
    } else if (name.equals("ussd")) {
      System.out.printf("  (%,d whole sessions: %.0f/s)%n", units.get(), units.get() / (double) seconds);
    }
    if (errors.get() > 0) {
      System.out.println("  first error: " + firstError[0]);
    }
  }

  static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  static long[] get(User user, String path, String accept) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r = user.client.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    long t = System.nanoTime() - t0;
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " -> " + r.statusCode());
    }
    return new long[] {t};
  }

  static HttpResponse<String> post(User user, String path, Map<String, String> form)
      throws Exception {
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return user.client.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "*/*")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A complaint on the web form: the form is read once per user for its session and CSRF token. */
  static long[] complaint(User user) throws Exception {
    if (user.csrf == null) {
      HttpResponse<String> form = user.client.send(HttpRequest.newBuilder(
          URI.create(base + "/feedback/" + county + "/new")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(form.body());
      if (!m.find()) {
        throw new IllegalStateException("no CSRF token on the form");
      }
      user.csrf = m.group(1);
    }
    long n = UNIQUE.incrementAndGet();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", user.csrf);
    form.put("serviceArea", pick(sample.areas()));
    form.put("wardCode", pick(sample.wards()));
    form.put("description", "Bench complaint " + n + ": maji hayatoki kwenye kioski.");
    form.put("contact", "+2541" + String.format("%08d", n % 100_000_000));
    form.put("submission", "bench" + n);
    long t0 = System.nanoTime();
    HttpResponse<String> r = post(user, "/feedback/" + county, form);
    long t = System.nanoTime() - t0;
    if (r.statusCode() != 302 && r.statusCode() != 303) {
      throw new IllegalStateException("complaint -> " + r.statusCode());
    }
    return new long[] {t};
  }

  /** An SMS to the county's number, in the keyword format. */
  static long[] sms(User user) throws Exception {
    long n = UNIQUE.incrementAndGet();
    String ward = pick(sample.wards());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("from", "+2541" + String.format("%08d", n % 100_000_000));
    form.put("to", sample.smsCode());
    form.put("text", "MAJI " + sample.wardNames().get(ward) + " no water for five days " + n);
    form.put("date", "2026-11-20 08:15:00");
    form.put("id", "bench-sms-" + n);
    form.put("linkId", "bench-link-" + n);
    long t0 = System.nanoTime();
    HttpResponse<String> r = post(user, "/channels/africastalking/sms", form);
    long t = System.nanoTime() - t0;
    if (r.statusCode() != 200) {
      throw new IllegalStateException("sms -> " + r.statusCode());
    }
    return new long[] {t};
  }

  /** A whole USSD session on the county's code: language, report, area, sub-county, ward, text, send. */
  static long[] ussd(User user) throws Exception {
    long n = UNIQUE.incrementAndGet();
    String phone = "+2541" + String.format("%08d", n % 100_000_000);
    String[] steps = {"", "1", "1*1", "1*1*1", "1*1*1*1", "1*1*1*1*1",
      "1*1*1*1*1*Bomba limevunjika " + n, "1*1*1*1*1*Bomba limevunjika " + n + "*1"};
    long[] latencies = new long[steps.length];
    String last = "";
    for (int i = 0; i < steps.length; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = post(user, "/channels/africastalking/ussd", Map.of(
          "sessionId", "bench-" + n, "serviceCode", sample.ussdCode(), "phoneNumber", phone,
          "text", steps[i]));
      latencies[i] = System.nanoTime() - t0;
      if (r.statusCode() != 200) {
        throw new IllegalStateException("ussd step " + i + " -> " + r.statusCode());
      }
      last = r.body();
    }
    if (!last.startsWith("END")) {
      throw new IllegalStateException("ussd session did not end: " + last);
    }
    return latencies;
  }

  static Sample sample(Connection db, String county) throws Exception {
    List<String> orgs = column(db, "select public_id from organisation where county_code = '"
        + county + "' order by id fetch first 5000 rows only");
    List<String> refs = column(db, "select reference from feedback_case where county_code = '"
        + county + "' order by id fetch first 5000 rows only");
    Map<String, String> wardNames = new LinkedHashMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
        "select code, name from ward where county_code = '" + county + "' order by code")) {
      while (rs.next()) {
        wardNames.put(rs.getString(1), rs.getString(2));
      }
    }
    List<String> areas = column(db, "select public_id from feedback_service_area where county_code = '"
        + county + "' and active");
    String sms = column(db, "select code from feedback_gateway_code where channel = 'SMS' and"
        + " county_code = '" + county + "'").stream().findFirst().orElse("");
    String ussd = column(db, "select code from feedback_gateway_code where channel = 'USSD' and"
        + " county_code = '" + county + "'").stream().findFirst().orElse("");
    return new Sample(orgs, refs, new ArrayList<>(wardNames.keySet()), wardNames, areas, sms, ussd);
  }

  static List<String> column(Connection db, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  static <T> T pick(List<T> values) {
    return values.get(ThreadLocalRandom.current().nextInt(values.size()));
  }

  static String pick(String[] values) {
    return values[ThreadLocalRandom.current().nextInt(values.length)];
  }

  static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
