package ke.baraza.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database of this run, starts GreenMail and fixes the port, once per test JVM. The
 * PostgreSQL run reads {@code BARAZA_TEST_PG_URL} (and {@code _USER}, {@code _PASSWORD}), which
 * {@code scripts/test} sets after starting a throw-away cluster.
 */
public class TestEnvironment
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static GreenMail mail;
  private static int port;

  public static synchronized GreenMail mail() {
    if (mail == null) {
      mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
    }
    return mail;
  }

  public static synchronized int port() {
    if (port == 0) {
      port = freePort();
    }
    return port;
  }

  public static String baseUrl() {
    return "http://localhost:" + port();
  }

  public static String database() {
    return System.getProperty("baraza.test.db", "h2");
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.port", port());
    properties.put("baraza.base-url", baseUrl());
    // the tests read their own cases' figures at once; production keeps them a minute
    properties.put("baraza.public-figures.max-age", "PT0S");
    // and they write gateway codes straight into the table; production reads them once a minute
    properties.put("baraza.feedback.gateway-codes.max-age", "PT0S");
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", mail().getSmtp().getPort());
    properties.put("baraza.data-dir", "target/test-data-" + database());
    // the search index in memory: every test JVM starts with an empty one, like its database
    properties.put("spring.jpa.properties.hibernate.search.backend.directory.type", "local-heap");
    if ("postgres".equals(database())) {
      String url = System.getenv("BARAZA_TEST_PG_URL");
      if (url == null || url.isBlank()) {
        throw new IllegalStateException(
            "The PostgreSQL run needs BARAZA_TEST_PG_URL: run the tests with scripts/test,"
                + " which starts a throw-away PostgreSQL cluster.");
      }
      properties.put("spring.datasource.url", url);
      properties.put("spring.datasource.username", envOr("BARAZA_TEST_PG_USER", "postgres"));
      properties.put("spring.datasource.password", envOr("BARAZA_TEST_PG_PASSWORD", ""));
    } else {
      properties.put(
          "spring.datasource.url",
          "jdbc:h2:mem:baraza;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
      properties.put("spring.datasource.username", "sa");
      properties.put("spring.datasource.password", "");
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("baraza-test", properties));
    context.addApplicationListener(new AwaitReadiness());
  }

  /**
   * The tests begin once the search index is in step with the database, as a load balancer sends
   * traffic once the readiness group, which includes it, says so. (Within this event the readiness
   * state itself is not yet accepting traffic: Spring Boot sets it after the event.)
   */
  static class AwaitReadiness implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
      HealthIndicator index =
          event
              .getApplicationContext()
              .getBean("searchIndexHealthIndicator", HealthIndicator.class);
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (Status.OUT_OF_SERVICE.equals(index.health().getStatus())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("The search index was not ready within 5 minutes");
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
