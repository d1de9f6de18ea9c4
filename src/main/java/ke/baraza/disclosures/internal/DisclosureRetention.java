package ke.baraza.disclosures.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * W5: disclosures closed longer ago than the retention period ({@code
 * BARAZA_DISCLOSURES_RETENTION}, ISO-8601, 90 days by default) are deleted with their messages and
 * every wrapped key, hourly. Deleting twice deletes nothing more, so several nodes may run it.
 */
@Component
public class DisclosureRetention {

  private final JdbcClient jdbc;
  private final DisclosureHandling handling;
  private final Clock clock;
  private final Duration retention;

  DisclosureRetention(
      JdbcClient jdbc,
      DisclosureHandling handling,
      Clock clock,
      @Value("${baraza.disclosures.retention:${BARAZA_DISCLOSURES_RETENTION:P90D}}")
          Duration retention) {
    this.jdbc = jdbc;
    this.handling = handling;
    this.clock = clock;
    this.retention = retention;
  }

  /** Deletes every disclosure closed before the retention period; returns how many. */
  @Scheduled(
      initialDelayString = "${baraza.disclosures.purge-delay-ms:60000}",
      fixedDelayString = "${baraza.disclosures.purge-interval-ms:3600000}")
  public int purge() {
    List<String> due =
        jdbc.sql("select public_id from disclosure where closed_at is not null and closed_at < ?")
            .param(clock.instant().minus(retention).atOffset(ZoneOffset.UTC))
            .query(String.class)
            .list();
    int deleted = 0;
    for (String publicId : due) {
      if (handling.delete(publicId)) {
        deleted++;
      }
    }
    return deleted;
  }
}
