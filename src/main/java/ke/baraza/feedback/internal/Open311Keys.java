package ke.baraza.feedback.internal;

import static ke.baraza.feedback.internal.FeedbackPermissions.actor;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys with which apps and partner systems file cases through a county's Open311 API. A key is
 * issued by the county's staff, shown once, kept only as a SHA-256 hash, and can be revoked.
 */
@Service
public class Open311Keys {

  static final int MAX_LABEL = 120;

  /** A key as its county's staff see it: never the key itself. */
  public record Key(String publicId, String label, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /** A key that opened the API: its public id and county. */
  public record Holder(String publicId, String countyCode) {}

  /** A key just issued: the key itself, to be shown once. */
  public record Issued(String publicId, String label, String key) {}

  private record KeyRow(
      String publicId, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt) {}

  private final JdbcClient jdbc;
  private final FeedbackPermissions permissions;
  private final AuditLog audit;
  private final Clock clock;

  Open311Keys(JdbcClient jdbc, FeedbackPermissions permissions, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.permissions = permissions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The county's keys, newest first (one query).
   *
   * @throws UserError 403 unless the caller is the county's staff
   */
  @Transactional(readOnly = true)
  public List<Key> list(String countyCode) {
    check(countyCode);
    return jdbc
        .sql(
            "select public_id, label, created_at, revoked_at from feedback_api_key"
                + " where county_code = ? order by created_at desc, id desc")
        .param(countyCode)
        .query(KeyRow.class)
        .list()
        .stream()
        .map(
            r ->
                new Key(
                    r.publicId(),
                    r.label(),
                    r.createdAt().toInstant(),
                    r.revokedAt() == null ? null : r.revokedAt().toInstant()))
        .toList();
  }

  /**
   * Issues a new key for the county. Audited as {@code feedback:open311-key-issued}.
   *
   * @param label who the key is for, 2 to {@value #MAX_LABEL} characters
   * @throws UserError 403 unless the caller is the county's staff
   * @throws InvalidInput 400 for a missing or overlong label
   */
  @Transactional
  public Issued issue(String countyCode, String label) {
    check(countyCode);
    String name = Text.clean(label);
    if (name.length() < 2 || name.length() > MAX_LABEL) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("label", "open311.keys.label.invalid"));
    }
    String key = Codes.submissionToken();
    String publicId = Codes.submissionToken().substring(0, 12);
    jdbc.sql(
            "insert into feedback_api_key (public_id, county_code, label, key_hash, created_by,"
                + " created_at) values (?, ?, ?, ?, ?, ?)")
        .params(
            publicId,
            countyCode,
            name,
            Codes.sha256(key),
            actor(),
            clock.instant().atOffset(java.time.ZoneOffset.UTC))
        .update();
    audit.record(actor(), "feedback:open311-key-issued", publicId, countyCode);
    return new Issued(publicId, name, key);
  }

  /**
   * Revokes one of the county's keys at once; a revoked or unknown key is left as it is.
   *
   * @throws UserError 403 unless the caller is the county's staff, 404 for another county's key
   */
  @Transactional
  public void revoke(String countyCode, String publicId) {
    check(countyCode);
    int changed =
        jdbc.sql(
                "update feedback_api_key set revoked_at = ? where county_code = ? and public_id = ?"
                    + " and revoked_at is null")
            .params(clock.instant().atOffset(java.time.ZoneOffset.UTC), countyCode, publicId)
            .update();
    if (changed == 1) {
      audit.record(actor(), "feedback:open311-key-revoked", publicId, countyCode);
    }
  }

  /** The holder of a key that is issued and not revoked, or empty (also for null or junk). */
  @Transactional(readOnly = true)
  public Optional<Holder> holder(String key) {
    if (key == null || key.isBlank() || key.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select public_id, county_code from feedback_api_key where key_hash = ?"
                + " and revoked_at is null")
        .param(Codes.sha256(key.strip()))
        .query(Holder.class)
        .optional();
  }

  private void check(String countyCode) {
    if (!permissions.isCountyStaff(countyCode)) {
      throw UserError.forbidden();
    }
  }
}
