package ke.baraza.feedback.internal;

import static ke.baraza.feedback.internal.FeedbackPermissions.actor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ke.baraza.feedback.Channel;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMS number and the USSD service code that belong to one county. A message to a code no county
 * claims (a code shared by every county) finds its county by its ward (SMS) or by a menu (USSD).
 */
@Service
public class GatewayCodes {

  private final JdbcClient jdbc;
  private final FeedbackPermissions permissions;
  private final AuditLog audit;

  GatewayCodes(JdbcClient jdbc, FeedbackPermissions permissions, AuditLog audit) {
    this.jdbc = jdbc;
    this.permissions = permissions;
    this.audit = audit;
  }

  /** The county a code of a channel belongs to, or empty. */
  @Transactional(readOnly = true)
  public Optional<String> county(Channel channel, String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return jdbc.sql("select county_code from feedback_gateway_code where channel = ? and code = ?")
        .params(channel.name(), code.strip())
        .query(String.class)
        .optional();
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
  }

  private void insert(Channel channel, String code, String countyCode) {
    if (!code.isEmpty()) {
      jdbc.sql("insert into feedback_gateway_code (channel, code, county_code) values (?, ?, ?)")
          .params(channel.name(), code, countyCode)
          .update();
    }
  }
}
