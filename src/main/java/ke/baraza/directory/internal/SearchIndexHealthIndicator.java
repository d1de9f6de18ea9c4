package ke.baraza.directory.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The search index in the readiness group ({@code management.endpoint.health.group.readiness}):
 * {@code OUT_OF_SERVICE} while {@link SearchIndexStartup} checks or rebuilds it after a start,
 * {@code DOWN} if that failed, {@code UP} once it is in step with the database.
 */
@Component
class SearchIndexHealthIndicator implements HealthIndicator {

  private final SearchIndexStartup startup;

  SearchIndexHealthIndicator(SearchIndexStartup startup) {
    this.startup = startup;
  }

  @Override
  public Health health() {
    return switch (startup.state()) {
      case READY -> Health.up().build();
      case PENDING -> Health.status(Status.OUT_OF_SERVICE).build();
      case FAILED -> Health.down().build();
    };
  }
}
