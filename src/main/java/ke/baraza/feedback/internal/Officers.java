package ke.baraza.feedback.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.SignedInUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The officers a county's cases can be assigned to: everyone who has opened the county's queue or a
 * case, with the name their account had then. Feedback keeps this small list itself, as it may not
 * read the accounts module's tables.
 */
@Component
public class Officers {

  /** One officer; {@code departmentRef} is null for a county-wide official. */
  public record Officer(String accountRef, String name, String departmentRef) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  Officers(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Notes that the signed-in officer works on the county's cases (one or two statements). */
  public void seen(CaseAccess.Scope scope) {
    SignedInUser user = CurrentUser.get().orElse(null);
    if (user == null) {
      return;
    }
    String department =
        scope.wholeCounty() ? null : scope.departments().stream().sorted().findFirst().orElse(null);
    String name =
        user.displayName().length() > 120
            ? user.displayName().substring(0, 120)
            : user.displayName();
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    int updated =
        jdbc.sql(
                "update feedback_officer set name = ?, department_ref = ?, seen_at = ?"
                    + " where county_code = ? and account_ref = ?")
            .params(name, department, now, scope.countyCode(), user.publicId())
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(
                "insert into feedback_officer (county_code, account_ref, name, department_ref,"
                    + " seen_at) values (?, ?, ?, ?, ?)")
            .params(scope.countyCode(), user.publicId(), name, department, now)
            .update();
      } catch (DataIntegrityViolationException sameTime) {
        // another request of the same officer added the row first
      }
    }
  }

  /** The county's officers by name; department officers only those of the scope's departments. */
  public List<Officer> of(CaseAccess.Scope scope) {
    return jdbc
        .sql(
            "select account_ref, name, department_ref from feedback_officer where county_code = ?"
                + " order by name, account_ref")
        .param(scope.countyCode())
        .query(Officer.class)
        .list()
        .stream()
        .filter(
            o ->
                scope.wholeCounty()
                    || o.departmentRef() == null
                    || scope.departments().contains(o.departmentRef()))
        .toList();
  }

  /** One of the county's officers by account public id, or empty. */
  Optional<Officer> find(String countyCode, String accountRef) {
    return jdbc.sql(
            "select account_ref, name, department_ref from feedback_officer"
                + " where county_code = ? and account_ref = ?")
        .params(countyCode, accountRef)
        .query(Officer.class)
        .optional();
  }
}
