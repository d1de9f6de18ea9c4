package ke.baraza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built jar as its own JVM, kills it with SIGKILL right after it acknowledged a burst of
 * sign-ups, starts it again on the same database and shows that every acknowledged sign-up is
 * there. Runs once per database ({@code -Dbaraza.test.db=h2|postgres}, set by failsafe). No Spring
 * context in this JVM: the application under test is the real {@code target/baraza.jar}.
 */
class DurabilityIT {

  private static final Path JAR = Path.of("target", "baraza.jar");
  private static final Path LOGS = Path.of("target", "durability-it");
  private static final int SIGN_UPS = 30;
  private static final int IN_FLIGHT = 4;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

  private final String db = System.getProperty("baraza.test.db", "h2");
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<Process> started = Collections.synchronizedList(new ArrayList<>());

  @TempDir Path temp;

  @BeforeEach
  void jarIsBuilt() throws IOException {
    assertThat(JAR)
        .as("the fat jar; failsafe runs after `package`, so run `mvn verify`")
        .isRegularFile();
    Files.createDirectories(LOGS);
  }

  @AfterEach
  void killLeftovers() throws InterruptedException {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void everyAcknowledgedSignUpSurvivesKillDashNine() throws Exception {
    Map<String, String> env = databaseEnv(temp.resolve("data"));

    App first = start("first", env);
    HttpClient client = client();
    String csrf = csrfToken(client, first.base());
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    List<String> refused = Collections.synchronizedList(new ArrayList<>());
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<?>> requests = new ArrayList<>();
    long burst = System.nanoTime();
    for (int i = 0; i < SIGN_UPS; i++) {
      String contact = "durable-" + run + "-" + i + "@example.org";
      slots.acquire();
      requests.add(
          client
              .sendAsync(signUp(first.base(), csrf, contact), HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (response, error) -> {
                    slots.release();
                    if (response != null && response.statusCode() == 201) {
                      acknowledged.add(contact);
                    } else {
                      refused.add(
                          contact
                              + ": "
                              + (response == null
                                  ? error
                                  : response.statusCode() + " " + response.body()));
                    }
                  }));
    }
    CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .join();
    // The last 201 is in: pull the plug straight away, no shutdown hooks, no flush on close.
    first.process().destroyForcibly();
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
    long burstMillis = (System.nanoTime() - burst) / 1_000_000;
    assertThat(refused).as("sign-ups not acknowledged").isEmpty();
    assertThat(acknowledged).hasSize(SIGN_UPS);

    App second = start("restart", env);
    HttpClient again = client();
    String csrfAgain = csrfToken(again, second.base());
    List<String> found = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    for (String contact : acknowledged) {
      HttpResponse<String> response =
          again.send(
              signUp(second.base(), csrfAgain, contact), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 409) {
        found.add(contact);
      } else {
        lost.add(contact + " -> " + response.statusCode() + " " + response.body());
      }
    }
    System.out.printf(
        "DurabilityIT[%s]: %d sign-ups acknowledged in %d ms, then SIGKILL; found after restart:"
            + " %d/%d; start-up %.1f s (first), %.1f s (restart)%n",
        db,
        acknowledged.size(),
        burstMillis,
        found.size(),
        acknowledged.size(),
        first.startSeconds(),
        second.startSeconds());
    assertThat(lost).as("acknowledged sign-ups missing after kill -9 and restart").isEmpty();
    assertThat(found).hasSameSizeAs(acknowledged);
  }

  @Test
  void bootstrapAdminCreatesTheFirstAdministratorOnlyOnce() throws Exception {
    assumeThat(db).as("the command line is checked on the embedded database only").isEqualTo("h2");
    Map<String, String> env = databaseEnv(temp.resolve("cli-data"));
    String email = "admin-" + run + "@example.org";

    Cli first = cli("bootstrap-1", env, "bootstrap-admin", email);
    assertThat(first.exitCode()).as("first run, output:%n%s", first.output()).isZero();
    assertThat(first.output()).contains("/password/reset?token=");

    Cli second = cli("bootstrap-2", env, "bootstrap-admin", "other-" + email);
    assertThat(second.exitCode()).as("second run, output:%n%s", second.output()).isNotZero();
    assertThat(second.output()).containsIgnoringCase("administrator exists already");
    System.out.printf(
        "DurabilityIT[%s]: bootstrap-admin exit %d then %d%n",
        db, first.exitCode(), second.exitCode());
  }

  // --- the application as a separate JVM ---

  private record App(Process process, String base, double startSeconds) {}

  private record Cli(int exitCode, String output) {}

  /** The environment that points the jar at the database of this run. */
  private Map<String, String> databaseEnv(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    if (db.equals("postgres")) {
      String url = System.getenv("BARAZA_TEST_PG_URL");
      if (url == null || url.isBlank()) {
        fail(
            "baraza.test.db=postgres needs BARAZA_TEST_PG_URL, BARAZA_TEST_PG_USER and"
                + " BARAZA_TEST_PG_PASSWORD: run scripts/test, or eval \"$(scripts/pg-start)\","
                + " or pass -DskipPostgresTests=true");
      }
      String user = System.getenv("BARAZA_TEST_PG_USER");
      return Map.of(
          "BARAZA_DB_URL",
          url,
          "BARAZA_DB_USER",
          user == null ? "postgres" : user,
          "BARAZA_DB_PASSWORD",
          nullToEmpty(System.getenv("BARAZA_TEST_PG_PASSWORD")),
          "BARAZA_DATA_DIR",
          dataDir.toString());
    }
    assertThat(db).as("baraza.test.db").isEqualTo("h2");
    return Map.of("BARAZA_DATA_DIR", dataDir.toString());
  }

  private ProcessBuilder jar(String name, Map<String, String> env, String... args) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    // Nothing from the caller's shell may point the jar at another database.
    environment.keySet().removeIf(key -> key.startsWith("BARAZA_") || key.startsWith("SPRING_"));
    environment.putAll(env);
    builder.redirectOutput(LOGS.resolve(db + "-" + name + "-" + run + ".log").toFile());
    return builder;
  }

  private App start(String name, Map<String, String> env) throws Exception {
    int port = freePort();
    String base = "http://localhost:" + port;
    Map<String, String> withPort = new HashMap<>(env);
    withPort.put("PORT", Integer.toString(port));
    withPort.put("BARAZA_BASE_URL", base);
    ProcessBuilder builder = jar(name, withPort);
    long t0 = System.nanoTime();
    Process process = builder.start();
    started.add(process);
    HttpClient probe =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    long deadline = t0 + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail(
            "the jar exited with %d before it was up; log:%n%s",
            process.exitValue(), tail(builder.redirectOutput().file().toPath()));
      }
      try {
        HttpResponse<String> health =
            probe.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          double seconds = (System.nanoTime() - t0) / 1e9;
          System.out.printf("DurabilityIT[%s]: %s start-up took %.1f s%n", db, name, seconds);
          return new App(process, base, seconds);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    process.destroyForcibly();
    return fail(
        "the jar was not UP within %s; log:%n%s",
        START_TIMEOUT, tail(builder.redirectOutput().file().toPath()));
  }

  private Cli cli(String name, Map<String, String> env, String... args) throws Exception {
    ProcessBuilder builder = jar(name, env, args);
    Process process = builder.start();
    started.add(process);
    if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("`%s` did not finish within %s", String.join(" ", args), START_TIMEOUT);
    }
    return new Cli(
        process.exitValue(),
        Files.readString(builder.redirectOutput().file().toPath(), StandardCharsets.UTF_8));
  }

  // --- HTTP ---

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static String csrfToken(HttpClient client, String base) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/csrf"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET /api/v1/csrf: %s", response.body()).isEqualTo(200);
    Matcher token = TOKEN.matcher(response.body());
    assertThat(token.find()).as("token in %s", response.body()).isTrue();
    return token.group(1);
  }

  private HttpRequest signUp(String base, String csrf, String contact) {
    String json =
        """
        {"name":"Durable %s","contact":"%s","password":"korongo-mvua-2026-%s","language":"en"}"""
            .formatted(run, contact, run);
    return HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("X-CSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  // --- helpers ---

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
