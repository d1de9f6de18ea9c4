// Loads invented organisations into a Baraza database and measures the directory's search.
// A single-file program: java -cp <jdbc driver jar> Bench.java load JDBC_URL USER PASSWORD COUNT
//                        java Bench.java measure BASE_URL REQUESTS_PER_KIND
// See README.md beside it; run.sh does the whole sequence.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

public class Bench {

  static final String[] TYPES = {
    "CSO", "CBO", "NGO", "FBO", "SELF_HELP_GROUP", "WOMENS_GROUP", "YOUTH_GROUP", "PWD_GROUP",
    "IMPLEMENTING_PARTNER", "DONOR", "COUNTY_DEPARTMENT", "MEDIA", "ACADEMIA", "PRIVATE_SECTOR"
  };
  static final String[] WORDS = {
    "Women", "Youth", "Farmers", "Water", "Development", "Community", "Health", "Disability",
    "Savings", "Welfare", "Environment", "Bee Keepers", "Dairy", "Traders", "Orphans", "Widows",
    "Tree Nursery", "Poultry", "Fishermen", "Artisans", "Boda Boda", "Drought", "Education",
    "Wanawake", "Vijana", "Umoja", "Tujisaidie", "Maendeleo", "Wakulima", "Jamii", "Amani",
    "Upendo", "Baraka", "Neema", "Imani", "Tumaini", "Mwangaza", "Juhudi", "Harambee", "Faraja",
    "Kilimo", "Maji", "Afya", "Elimu", "Ushirika", "Wazee", "Walemavu", "Mazingira"
  };
  static final String[] PREFIXES = {"", "", "", "Kikundi cha ", "Chama cha ", "Shirika la "};
  static final String[] SUFFIXES = {
    "Group", "Self Help Group", "CBO", "Initiative", "Association", "Network", "Trust",
    "Foundation", "Society", "Women Group", "Youth Group", "Kikundi"
  };
  static final String[] SENTENCES = {
    "We run table banking and savings for members.",
    "Tunaendesha miradi ya maji safi na usafi wa mazingira.",
    "Kikundi cha wanawake kinachojihusisha na kilimo cha mboga.",
    "Youth training in business skills and climate-smart farming.",
    "Tunafuatilia bajeti ya kaunti na miradi ya maendeleo katika wadi.",
    "Support to persons with disabilities and their caregivers.",
    "Tree planting, soil conservation and water harvesting.",
    "Civic education on public participation and the county budget cycle.",
    "Afya ya jamii: wahudumu wa afya wa kujitolea na lishe bora.",
    "Dairy goats, poultry and bee keeping for household income."
  };

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("load")) {
      load(args[1], args[2], args.length > 3 ? args[3] : "", Integer.parseInt(args[4]));
    } else if (args.length > 0 && args[0].equals("measure")) {
      measure(args[1], Integer.parseInt(args[2]));
    } else {
      System.err.println("usage: load JDBC_URL USER PASSWORD COUNT | measure BASE_URL REQUESTS");
      System.exit(2);
    }
  }

  // ---- load

  static void load(String url, String user, String password, int count) throws Exception {
    Random random = new Random(2026);
    long start = System.nanoTime();
    try (Connection db = DriverManager.getConnection(url, user, password)) {
      db.setAutoCommit(false);
      Map<String, List<String>> wardsByCounty = new HashMap<>();
      Map<String, String> wardNames = new HashMap<>();
      try (ResultSet rs = db.createStatement().executeQuery("select code, county_code, name from ward")) {
        while (rs.next()) {
          wardsByCounty.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
          wardNames.put(rs.getString(1), rs.getString(3));
        }
      }
      Map<String, List<Long>> themesByCounty = new HashMap<>();
      try (ResultSet rs = db.createStatement().executeQuery("select id, county_code from thematic_area")) {
        while (rs.next()) {
          themesByCounty.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(1));
        }
      }
      if (themesByCounty.isEmpty()) {
        throw new IllegalStateException("No thematic areas: start Baraza once on this database first");
      }
      List<String> counties = new ArrayList<>(wardsByCounty.keySet());
      counties.sort(null);
      PreparedStatement org = db.prepareStatement(
          "insert into organisation (public_id, county_code, identifier, name, name_key, acronym,"
              + " org_type, home_ward_code, description, status, verified, created_at, updated_at,"
              + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, 0)",
          new String[] {"id"});
      PreparedStatement ward = db.prepareStatement(
          "insert into organisation_ward (organisation_id, ward_code) values (?, ?)");
      PreparedStatement theme = db.prepareStatement(
          "insert into organisation_theme (organisation_id, thematic_area_id) values (?, ?)");
      List<String[]> pendingWards = new ArrayList<>();
      List<long[]> pendingThemes = new ArrayList<>();
      List<List<String>> batchWards = new ArrayList<>();
      List<List<Long>> batchThemes = new ArrayList<>();
      Instant now = Instant.now();
      for (int i = 0; i < count; i++) {
        String county = counties.get(random.nextInt(counties.size()));
        List<String> wards = wardsByCounty.get(county);
        String home = wards.get(random.nextInt(wards.size()));
        String name = name(random, wardNames.get(home));
        String publicId = publicId(random, i);
        org.setString(1, publicId);
        org.setString(2, county);
        org.setString(3, "KE-BARAZA-" + county + "-" + publicId.toUpperCase(Locale.ROOT));
        org.setString(4, name);
        org.setString(5, key(name));
        org.setString(6, random.nextInt(4) == 0 ? acronym(name) : null);
        org.setString(7, TYPES[random.nextInt(TYPES.length)]);
        org.setString(8, home);
        org.setString(9, SENTENCES[random.nextInt(SENTENCES.length)]
            + (random.nextBoolean() ? " " + SENTENCES[random.nextInt(SENTENCES.length)] : ""));
        org.setBoolean(10, random.nextInt(3) == 0);
        Timestamp when = Timestamp.from(now.minusSeconds(random.nextInt(3_000_000)));
        org.setTimestamp(11, when);
        org.setTimestamp(12, when);
        org.addBatch();
        List<String> operates = new ArrayList<>(List.of(home));
        for (int w = random.nextInt(3); w > 0; w--) {
          String other = wards.get(random.nextInt(wards.size()));
          if (!operates.contains(other)) {
            operates.add(other);
          }
        }
        batchWards.add(operates);
        List<Long> themes = new ArrayList<>();
        List<Long> countyThemes = themesByCounty.get(county);
        for (int t = 1 + random.nextInt(3); t > 0; t--) {
          Long id = countyThemes.get(random.nextInt(countyThemes.size()));
          if (!themes.contains(id)) {
            themes.add(id);
          }
        }
        batchThemes.add(themes);
        if (batchWards.size() == 1000 || i == count - 1) {
          org.executeBatch();
          try (ResultSet keys = org.getGeneratedKeys()) {
            for (int row = 0; keys.next(); row++) {
              long id = keys.getLong(1);
              for (String code : batchWards.get(row)) {
                ward.setLong(1, id);
                ward.setString(2, code);
                ward.addBatch();
              }
              for (Long t : batchThemes.get(row)) {
                theme.setLong(1, id);
                theme.setLong(2, t);
                theme.addBatch();
              }
            }
          }
          ward.executeBatch();
          theme.executeBatch();
          db.commit();
          batchWards.clear();
          batchThemes.clear();
          if ((i + 1) % 20_000 == 0) {
            System.out.printf("%,d organisations%n", i + 1);
          }
        }
      }
    }
    System.out.printf("Loaded %,d organisations in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
  }

  static String name(Random random, String wardName) {
    StringBuilder name = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
    if (random.nextInt(5) < 2) {
      name.append(wardName).append(' ');
    }
    name.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    if (random.nextBoolean()) {
      name.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return name.append(SUFFIXES[random.nextInt(SUFFIXES.length)]).toString();
  }

  static String acronym(String name) {
    StringBuilder acronym = new StringBuilder();
    for (String word : name.split(" ")) {
      if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
        acronym.append(word.charAt(0));
      }
    }
    return acronym.toString();
  }

  static String publicId(Random random, int i) {
    String alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
    StringBuilder id = new StringBuilder();
    for (int n = i; id.length() < 5; n /= alphabet.length()) {
      id.append(alphabet.charAt(n % alphabet.length()));
    }
    while (id.length() < 12) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  /** The same normalised form as OrganisationDetails.key. */
  static String key(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }

  // ---- measure

  static void measure(String base, int perKind) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Random random = new Random(7);
    Map<String, java.util.function.Supplier<String>> kinds = new LinkedHashMap<>();
    String[] counties = {"016", "037", "022", "047", "001", "017", "034"};
    kinds.put("county, no text, page 0", () -> "/api/v1/organisations?county=" + pick(random, counties) + "&size=25");
    kinds.put("county, no text, page 100", () -> "/api/v1/organisations?county=" + pick(random, counties) + "&size=25&page=100");
    kinds.put("county + one word", () -> "/api/v1/organisations?county=" + pick(random, counties) + "&q=" + enc(word(random)));
    kinds.put("county + two words with a typo", () -> "/api/v1/organisations?county=" + pick(random, counties) + "&q=" + enc(typo(random, word(random)) + " " + word(random)));
    kinds.put("whole country + \"kikundi cha wanawake\"", () -> "/api/v1/organisations?q=" + enc("kikundi cha wanawake"));
    kinds.put("whole country + typo word", () -> "/api/v1/organisations?q=" + enc(typo(random, word(random))));
    kinds.put("county + type + theme + word", () -> {
      String county = pick(random, counties);
      return "/api/v1/organisations?county=" + county + "&type=" + pick(random, TYPES)
          + "&theme=" + county + "-" + pick(random, new String[] {"health", "agriculture", "water-sanitation"})
          + "&q=" + enc(word(random));
    });
    kinds.put("counts (county + word)", () -> "/api/v1/organisations/counts?county=" + pick(random, counties) + "&q=" + enc(word(random)));
    kinds.put("HTML page /directory (county + word)", () -> "/directory?county=" + pick(random, counties) + "&q=" + enc(word(random)));
    for (var kind : kinds.values()) { // warm up
      for (int i = 0; i < 30; i++) {
        get(http, base + kind.get());
      }
    }
    List<Long> all = new ArrayList<>();
    System.out.printf("%-42s %8s %8s %8s  %s%n", "kind (" + perKind + " requests each)", "p50 ms", "p99 ms", "max ms", "mean hits");
    for (var kind : kinds.entrySet()) {
      long[] times = new long[perKind];
      long hits = 0;
      for (int i = 0; i < perKind; i++) {
        String path = kind.getValue().get();
        long start = System.nanoTime();
        String body = get(http, base + path);
        times[i] = System.nanoTime() - start;
        int at = body.indexOf("\"totalItems\":");
        if (at >= 0) {
          hits += Long.parseLong(body.substring(at + 13).split("[,}]")[0]);
        }
      }
      Arrays.sort(times);
      for (long t : times) {
        all.add(t);
      }
      System.out.printf("%-42s %8.1f %8.1f %8.1f  %s%n", kind.getKey(), ms(times, 0.50), ms(times, 0.99),
          times[times.length - 1] / 1e6, hits == 0 ? "" : String.valueOf(hits / perKind));
    }
    long[] every = all.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("%-42s %8.1f %8.1f %8.1f%n", "all", ms(every, 0.50), ms(every, 0.99), every[every.length - 1] / 1e6);
  }

  static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  static String word(Random random) {
    String[] words = pick(random, WORDS).toLowerCase(Locale.ROOT).split(" ");
    return words[random.nextInt(words.length)];
  }

  static String typo(Random random, String word) {
    if (word.length() < 4) {
      return word;
    }
    int at = 1 + random.nextInt(word.length() - 2);
    return random.nextBoolean()
        ? word.substring(0, at) + word.substring(at + 1) // a letter dropped
        : word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2); // two swapped
  }

  static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
