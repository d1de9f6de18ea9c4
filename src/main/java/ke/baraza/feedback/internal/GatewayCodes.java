package ke.baraza.feedback.internal;

import static ke.baraza.feedback.internal.FeedbackPermissions.actor;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ke.baraza.feedback.Channel;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.RefreshingCache;
import ke.baraza.platform.UserError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The SMS number and the USSD service code that belong to one county. A message to a code no county
 * claims (a code shared by every county) finds its county by its ward (SMS) or by a menu (USSD).
 *
 * <p>Every gateway callback (each of a USSD session's screens) asks which county its code belongs
 * to, so the whole table (two rows per county at most) is kept in memory for {@code
 * baraza.feedback.gateway-codes.max-age} (a minute) and read again after that, or at once after
 * {@link #set} commits on this node; another node sees a change within that age.
 */
@Service
public class GatewayCodes {

  private static final String ALL = "all";

  private final JdbcClient jdbc;
  private final FeedbackPermissions permissions;
  private final AuditLog audit;
  private final RefreshingCache<String, Map<String, String>> codes;

  GatewayCodes(
      JdbcClient jdbc,
      FeedbackPermissions permissions,
      AuditLog audit,
      Clock clock,
      @Value("${baraza.feedback.gateway-codes.max-age:PT1M}") Duration maxAge) {
    this.jdbc = jdbc;
    this.permissions = permissions;
    this.audit = audit;
    this.codes = new RefreshingCache<>(maxAge, clock);
  }

  /** The county a code of a channel belongs to, or empty. */
  public Optional<String> county(Channel channel, String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(counties().get(key(channel.name(), code.strip())));
  }

  private Map<String, String> counties() {
    return codes.get(
        ALL,
        k -> {
          Map<String, String> all = new HashMap<>();
          jdbc.sql("select channel, code, county_code from feedback_gateway_code")
              .query(
                  (RowCallbackHandler)
                      rs -> all.put(key(rs.getString(1), rs.getString(2)), rs.getString(3)));
          return Map.copyOf(all);
        });
  }

  private static String key(String channel, String code) {
    return channel + "|" + code;
  }

  /** The county's own SMS number and USSD code, each blank when none. */
  @Transactional(readOnly = true)
  public Map<Channel, String> of(String countyCode) {
    Map<Channel, String> codes = new LinkedHashMap<>();
    codes.put(Channel.SMS, "");
    codes.put(Channel.USSD, "");
    jdbc.sql("select channel, code from feedback_gateway_code where county_code = ?")
        .param(countyCode)
        .query((rs, n) -> Map.entry(Channel.valueOf(rs.getString(1)), rs.getString(2)))
        .list()
        .forEach(e -> codes.put(e.getKey(), e.getValue()));
    return codes;
  }

  /**
   * Sets the county's SMS number and USSD code (blank: none). Audited as {@code
   * feedback:gateway-codes-set}.
   *
   * @throws UserError 403 unless an administrator of the county
   * @throws InvalidInput 400 for a malformed code, 409 for a code another county has
   */
  @Transactional
  public void set(String countyCode, String smsCode, String ussdCode) {
    if (!permissions.mayConfigureGateway(countyCode)) {
      throw UserError.forbidden();
    }
    String sms = Text.clean(smsCode);
    String ussd = Text.clean(ussdCode);
    Map<String, String> errors = new LinkedHashMap<>();
    if (!sms.isEmpty() && !sms.matches("\\+?[0-9]{3,15}")) {
      errors.put("smsCode", "feedback.gateway.sms.invalid");
    }
    if (!ussd.isEmpty() && !ussd.matches("\\*[0-9*]{1,30}#")) {
      errors.put("ussdCode", "feedback.gateway.ussd.invalid");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    jdbc.sql("delete from feedback_gateway_code where county_code = ?").param(countyCode).update();
    try {
      insert(Channel.SMS, sms, countyCode);
      insert(Channel.USSD, ussd, countyCode);
    } catch (DataIntegrityViolationException taken) {
      throw new InvalidInput(HttpStatus.CONFLICT, Map.of("smsCode", "feedback.gateway.taken"));
    }
    audit.record(actor(), "feedback:gateway-codes-set", countyCode, countyCode);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            codes.forget(ALL);
          }
        });
  }

  private void insert(Channel channel, String code, String countyCode) {
    if (!code.isEmpty()) {
      jdbc.sql("insert into feedback_gateway_code (channel, code, county_code) values (?, ?, ?)")
          .params(channel.name(), code, countyCode)
          .update();
    }
  }
}
