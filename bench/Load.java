// HTTP load on a running Baraza, from a second process on loopback: closed loop, C connections for
// D seconds after a warm-up, p50/p90/p99 latency and throughput per scenario.
// A single-file program: java -cp <jdbc jars> bench/Load.java BASE_URL JDBC_URL USER PASSWORD
//                        COUNTY CONNECTIONS SECONDS SCENARIO...
// Scenarios: floor search organisation track statistics wards-json open311 ical figures
//            where where-json activities plan complaint sms ussd attendance, and import (one
//            100,000-row CSV and one XLSX participant list, timed once each, against COPY). Sample ids (organisations, references, wards, service areas)
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
  static final Pattern REFERENCE = Pattern.compile("\\b[A-Z]{3}-[0-9A-Z]{5}\\b");
  static final AtomicLong UNIQUE = new AtomicLong(System.currentTimeMillis() % 10_000_000L * 100);

  record Sample(List<String> organisations, List<String> references, List<String> wards,
      Map<String, String> wardNames, List<String> areas, String smsCode, String ussdCode,
      List<String> plans, List<String> doors, String network) {}

  /** The bench accounts' password and the coordinator's TOTP secret (bench/Generate.java). */
  static final String PASSWORD = "bench-Passw0rd-2026";
  static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  static final AtomicLong DOOR = new AtomicLong();
  static final String[] GENDERS = {"FEMALE", "MALE"};
  static final String[] AGE_BANDS = {"AGE_18_24", "AGE_25_35", "AGE_36_59", "AGE_60_PLUS"};

  /** One virtual user's state: its own cookies, and what a scenario keeps between requests. */
  static final class User {
    final HttpClient client;
    String csrf;
    String door;

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
  static String jdbcUrl, jdbcUser, jdbcPassword;

  public static void main(String[] args) throws Exception {
    base = args[0];
    county = args[4];
    int connections = Integer.parseInt(args[5]);
    int seconds = Integer.parseInt(args[6]);
    jdbcUrl = args[1];
    jdbcUser = args[2];
    jdbcPassword = args[3];
    try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
      sample = sample(db, county);
    }
    System.out.printf("%-14s %5s %9s %8s %8s %8s %8s %7s%n", "scenario", "conns", "req/s", "p50 ms",
        "p90 ms", "p99 ms", "max ms", "errors");
    for (String name : Arrays.copyOfRange(args, 7, args.length)) {
      if (name.equals("import")) {
        imports();
        continue;
      }
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
      case "plan" -> u -> get(u, "/plans/" + pick(sample.plans()), "text/html");
      case "complaint" -> Load::complaint;
      case "attendance" -> Load::attendance;
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
    form.put("contact", phone(n));
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
    form.put("from", phone(n));
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
    String phone = phone(n);
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
    if (!last.startsWith("END") || !REFERENCE.matcher(last).find()) {
      throw new IllegalStateException("ussd session did not file a case: " + last);
    }
    return latencies;
  }

  /**
   * A walk-in signed in at the door by the organiser's editor: each virtual user signs in once as
   * its own editor (password only: editors are not privileged) and registers people at its own
   * meeting; only the POST of the register form is timed.
   */
  static long[] attendance(User user) throws Exception {
    if (user.door == null) {
      int k = (int) (DOOR.getAndIncrement() % sample.doors().size());
      signIn(user, String.format("bench-editor-%02d@bench.baraza.local", k), false);
      user.door = sample.doors().get(k);
      user.csrf = csrf(user, "/meetings/" + user.door + "/attendance");
    }
    long n = UNIQUE.incrementAndGet();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", user.csrf);
    form.put("name", "Mshiriki " + n + " Wanjala");
    form.put("organisation", "Umoja Women Group");
    form.put("role", "Member");
    form.put("phone", phone(n));
    form.put("ward", pick(sample.wards()));
    form.put("gender", pick(GENDERS));
    form.put("ageBand", pick(AGE_BANDS));
    form.put("disability", r.nextInt(25) == 0 ? "yes" : "no");
    form.put("consent", "yes");
    long t0 = System.nanoTime();
    HttpResponse<String> res = post(user, "/meetings/" + user.door + "/attendance/walk-ins", form);
    long t = System.nanoTime() - t0;
    if (res.statusCode() != 302 && res.statusCode() != 303) {
      throw new IllegalStateException("walk-in -> " + res.statusCode());
    }
    return new long[] {t};
  }

  /** Signs in with the bench password and, for a privileged role, the TOTP code of this step. */
  static void signIn(User user, String email, boolean secondFactor) throws Exception {
    String token = csrf(user, "/signin");
    HttpResponse<String> r = post(user, "/signin", Map.of("_csrf", token, "username", email,
        "password", PASSWORD));
    if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("sign-in of " + email + " -> " + r.statusCode() + " "
          + r.headers().firstValue("Location").orElse(""));
    }
    if (secondFactor) {
      token = csrf(user, "/signin/second-factor");
      r = post(user, "/signin/second-factor", Map.of("_csrf", token, "code",
          totp(TOTP_SECRET, System.currentTimeMillis() / 1000 / 30)));
      if (r.statusCode() != 302) {
        throw new IllegalStateException("second factor of " + email + " -> " + r.statusCode());
      }
    }
  }

  static String csrf(User user, String path) throws Exception {
    HttpResponse<String> page = user.client.send(HttpRequest.newBuilder(URI.create(base + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = CSRF.matcher(page.body());
    if (page.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("no form at " + path + " (" + page.statusCode() + ")");
    }
    return m.group(1);
  }

  /** RFC 6238: six digits of HMAC-SHA1 over the 30-second step. */
  static String totp(String base32, long step) throws Exception {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
    int buffer = 0, bits = 0;
    for (char c : base32.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        key.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
    mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
    byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
    int o = h[h.length - 1] & 0xf;
    int code = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8
        | (h[o + 3] & 0xff)) % 1_000_000;
    return String.format("%06d", code);
  }

  static final int IMPORT_ROWS = 100_000;
  /** Which of 30 sets of people a run imports, so that runs on the same database do the same work. */
  static final long RUN_SLOT = System.currentTimeMillis() / 1000 % 30;

  /**
   * The participant-list import of a network's coordinator, as the coordinator does it: upload
   * (read, checked and kept), the preview (every row planned against the directory), and carrying
   * it out; once with a CSV and once with an XLSX of other people, each of IMPORT_ROWS rows.
   * Against the database's floor: COPY of the same rows into a copy of the person table.
   */
  static void imports() throws Exception {
    User user = new User(true);
    signIn(user, "bench-coordinator@bench.baraza.local", true);
    String network = sample.network();
    System.out.printf("%-14s %9s %9s %9s %9s %9s%n", "import", "rows", "upload s", "preview s",
        "apply s", "rows/s");
    double csvRate = 0;
    for (String format : List.of("csv", "xlsx")) {
      List<String[]> rows = participants(format.equals("csv") ? 0 : IMPORT_ROWS);
      byte[] file = format.equals("csv") ? csv(rows) : xlsx(rows);
      String token = csrf(user, "/bodies/" + network + "/imports");
      long t0 = System.nanoTime();
      HttpResponse<String> up = multipart(user, "/bodies/" + network + "/imports", token,
          "participants." + format, file);
      long t1 = System.nanoTime();
      String location = up.headers().firstValue("Location").orElse("");
      if (up.statusCode() != 302 || !location.contains("/imports/")) {
        throw new IllegalStateException("upload -> " + up.statusCode() + " " + up.body());
      }
      String path = URI.create(base).resolve(location).getPath();
      HttpResponse<String> preview = user.client.send(HttpRequest.newBuilder(
          URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
      long t2 = System.nanoTime();
      Matcher m = CSRF.matcher(preview.body());
      if (preview.statusCode() != 200 || !m.find()) {
        throw new IllegalStateException("preview -> " + preview.statusCode());
      }
      HttpResponse<String> applied = post(user, path + "/apply", Map.of("_csrf", m.group(1)));
      long t3 = System.nanoTime();
      if (applied.statusCode() != 302) {
        throw new IllegalStateException("apply -> " + applied.statusCode());
      }
      double total = (t3 - t0) / 1e9;
      String done;
      try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
          Statement st = db.createStatement();
          ResultSet rs = st.executeQuery("select status, imported, invalid from member_import"
              + " where public_id = '" + path.substring(path.lastIndexOf('/') + 1) + "'")) {
        rs.next();
        done = rs.getString(1) + ": " + rs.getInt(2) + " imported, " + rs.getInt(3) + " invalid";
      }
      System.out.printf("%-14s %9d %9.1f %9.1f %9.1f %9.0f   (%,d bytes; %s)%n", format,
          rows.size() - 1, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
          (rows.size() - 1) / total, file.length, done);
      if (format.equals("csv")) {
        csvRate = (rows.size() - 1) / total;
      }
    }
    if (jdbcUrl.startsWith("jdbc:postgresql")) {
      double copy = copyFloor(participants(2 * IMPORT_ROWS));
      System.out.printf("%-14s %9d %39.0f   (CSV import / COPY = %.3f)%n", "COPY floor",
          IMPORT_ROWS, copy, csvRate / copy);
    }
  }

  /** Participants as a paper list gives them: names, phone, e-mail, organisation, title, ward. */
  static List<String[]> participants(int offset) {
    String[] first = {"Wanjiku", "Akinyi", "Njeri", "Kamau", "Otieno", "Mwangi", "Chebet",
      "Kiprono", "Mutua", "Atieno"};
    String[] last = {"Wanjala", "Odhiambo", "Kariuki", "Mutiso", "Cheruiyot", "Nyongesa"};
    String[] titles = {"Member", "Chair", "Secretary", "Treasurer", "Mwanachama"};
    List<String> wards = new ArrayList<>(sample.wardNames().values());
    List<String[]> rows = new ArrayList<>(IMPORT_ROWS + 1);
    rows.add(new String[] {"First Name", "Last Name", "Phone", "Email", "Organisation",
      "Job Title", "Ward"});
    for (int i = 0; i < IMPORT_ROWS; i++) {
      long n = RUN_SLOT * 3 * IMPORT_ROWS + offset + i;
      rows.add(new String[] {first[(int) (n % first.length)], last[(int) (n / 7 % last.length)]
          + " " + n, "+25410" + String.format("%07d", n),
          "mshiriki" + n + "@example.org", "Bench participant group " + RUN_SLOT + "-" + (n % 2_000),
          titles[(int) (n % titles.length)], wards.get((int) (n % wards.size()))});
    }
    return rows;
  }

  static byte[] csv(List<String[]> rows) {
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      out.append(String.join(",", row)).append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The smallest workbook spreadsheet programs write: one sheet of inline strings. */
  static byte[] xlsx(List<String[]> rows) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
      String pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
      String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
      entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
          + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd."
          + "openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName="
          + "\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
          + "officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
          + pkg + "\"><Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target="
          + "\"xl/workbook.xml\"/></Relationships>");
      entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
          + main + "\" xmlns:r=\"" + rel + "\"><sheets><sheet name=\"Participants\" sheetId=\"1\""
          + " r:id=\"rId1\"/></sheets></workbook>");
      entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Relationships xmlns=\"" + pkg + "\"><Relationship Id=\"rId1\" Type=\"" + rel
          + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
      StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<worksheet xmlns=\"" + main + "\"><sheetData>");
      for (int r = 0; r < rows.size(); r++) {
        sheet.append("<row r=\"").append(r + 1).append("\">");
        String[] row = rows.get(r);
        for (int c = 0; c < row.length; c++) {
          sheet.append("<c r=\"").append((char) ('A' + c)).append(r + 1)
              .append("\" t=\"inlineStr\"><is><t>").append(row[c].replace("&", "&amp;")
              .replace("<", "&lt;")).append("</t></is></c>");
        }
        sheet.append("</row>");
      }
      entry(zip, "xl/worksheets/sheet1.xml", sheet.append("</sheetData></worksheet>").toString());
    }
    return bytes.toByteArray();
  }

  static void entry(java.util.zip.ZipOutputStream zip, String name, String text) throws Exception {
    zip.putNextEntry(new java.util.zip.ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  static HttpResponse<String> multipart(User user, String path, String csrf, String fileName,
      byte[] content) throws Exception {
    String boundary = "----bench" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
        + csrf + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return user.client.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .timeout(Duration.ofMinutes(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The database's floor for the same rows: COPY into a table like person (its indexes and
   * constraints included), then the rows' memberships, in one transaction; rows per second.
   */
  static double copyFloor(List<String[]> rows) throws Exception {
    try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("create table bench_copy_person (like person including all)");
        s.execute("create table bench_copy_member (like person_organisation including all)");
      }
      db.commit();
      StringBuilder people = new StringBuilder(), members = new StringBuilder();
      for (int i = 1; i < rows.size(); i++) {
        String[] r = rows.get(i);
        String name = r[0] + " " + r[1];
        people.append(i).append(",p").append(i).append(',').append(county).append(',')
            .append(name).append(',').append(name.toLowerCase()).append(',').append(r[3])
            .append(',').append(r[2])
            .append(",en,2026-11-01T09:00:00Z,2026-11-01T09:00:00Z,0\n");
        members.append(i).append(',').append(1 + i % 2_000).append(',').append(r[5]).append('\n');
      }
      long t0 = System.nanoTime();
      org.postgresql.copy.CopyManager copy =
          db.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
      copy.copyIn("copy bench_copy_person (id, public_id, county_code, name, name_key, email, phone,"
          + " language, created_at, updated_at, version) from stdin (format csv)",
          new java.io.StringReader(people.toString()));
      copy.copyIn("copy bench_copy_member (person_id, organisation_id, title) from stdin"
          + " (format csv)", new java.io.StringReader(members.toString()));
      db.commit();
      double seconds = (System.nanoTime() - t0) / 1e9;
      try (Statement s = db.createStatement()) {
        s.execute("drop table bench_copy_member");
        s.execute("drop table bench_copy_person");
      }
      db.commit();
      return (rows.size() - 1) / seconds;
    }
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
    List<String> plans = column(db, "select public_id from plan where county_code = '" + county
        + "'");
    List<String> doors = column(db, "select public_id from meeting where county_code = '" + county
        + "' and title like 'Bench register %' order by title");
    String network = column(db, "select public_id from body where county_code = '" + county
        + "' and name = 'Bench county CSO network'").stream().findFirst().orElse("");
    return new Sample(orgs, refs, new ArrayList<>(wardNames.keySet()), wardNames, areas, sms, ussd,
        plans, doors, network);
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

  /** A valid Kenyan mobile number (07xx xxx xxx), unique for n below 10^8. */
  static String phone(long n) {
    return "+2547" + String.format("%08d", n % 100_000_000);
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
