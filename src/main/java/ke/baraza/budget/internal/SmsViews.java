package ke.baraza.budget.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import ke.baraza.budget.FiscalYear;
import ke.baraza.platform.SmsKeywords;
import ke.baraza.platform.SmsKeywords.InboundSms;
import ke.baraza.platform.SmsKeywords.SmsWard;
import ke.baraza.platform.SmsKeywords.WardMatch;
import ke.baraza.platform.UserError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Views on budget documents by SMS: {@code BAJETI [CODE] WARD view} in Kiswahili or {@code BUDGET
 * [CODE] WARD view} in English, e.g. {@code BAJETI Shirere tujengewe kituo cha maji}. The view goes
 * to the window open today in the county of the number the message was sent to (or, for a number of
 * every county, of the ward); when several are open, the document's code ({@code CFSP}, or {@code
 * CFSP-2025-26} when two years' CFSPs are open) picks one. The sender's number is the view's
 * contact. Every message gets a reply in the keyword's language: the view's reference and address,
 * or what to fix.
 */
@Component
class SmsViews implements SmsKeywords.InboundSmsHandler {

  private static final Locale SW = Locale.forLanguageTag("sw");

  private final Participation participation;
  private final BudgetCalendar calendar;
  private final JdbcClient jdbc;
  private final MessageSource messages;
  private final String baseUrl;

  SmsViews(
      Participation participation,
      BudgetCalendar calendar,
      JdbcClient jdbc,
      MessageSource messages,
      @Value("${baraza.base-url:http://localhost:8080}") String baseUrl) {
    this.participation = participation;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  /** A window open today: its public id, document code and the code a message names it by. */
  private record Open(String publicId, String code, FiscalYear year, String smsCode) {}

  @Override
  public boolean accepts(String keyword) {
    return "BAJETI".equalsIgnoreCase(keyword) || "BUDGET".equalsIgnoreCase(keyword);
  }

  @Override
  public void handle(InboundSms sms) {
    Locale language = "BAJETI".equalsIgnoreCase(sms.keyword()) ? SW : Locale.ENGLISH;
    List<String> words = sms.words();
    if (words.isEmpty()) {
      reply(sms, language, "budget.sms.help");
      return;
    }
    String code = null;
    if (documentCodes().contains(words.get(0).toUpperCase(Locale.ROOT).split("-")[0])) {
      code = words.get(0).toUpperCase(Locale.ROOT);
      words = words.subList(1, words.size());
    }
    String county = sms.countyCode();
    SmsWard ward = null;
    if (county == null) {
      WardMatch match = sms.ward(words, null);
      if (!wardFound(sms, match, language)) {
        return;
      }
      ward = match.found();
      county = ward.countyCode();
      words = words.subList(match.words(), words.size());
    }
    List<Open> open = openToday(county);
    if (open.isEmpty()) {
      reply(sms, language, "budget.sms.closed");
      return;
    }
    String named = code;
    List<Open> chosen =
        code == null
            ? open
            : open.stream()
                .filter(w -> w.smsCode().equals(named) || w.code().equals(named))
                .toList();
    if (chosen.size() != 1) {
      String codes = open.stream().map(Open::smsCode).collect(Collectors.joining(", "));
      reply(sms, language, "budget.sms.which-document", codes, open.get(0).smsCode());
      return;
    }
    if (ward == null) {
      WardMatch match = sms.ward(words, county);
      if (!wardFound(sms, match, language)) {
        return;
      }
      ward = match.found();
      words = words.subList(match.words(), words.size());
    }
    if (!words.isEmpty()
        && Set.of("ward", "wadi").contains(words.get(0).toLowerCase(Locale.ROOT))) {
      words = words.subList(1, words.size());
    }
    String body = String.join(" ", words);
    if (body.isBlank()) {
      reply(sms, language, "budget.sms.text");
      return;
    }
    if (body.length() > Participation.MAX_TEXT) {
      reply(sms, language, "budget.sms.too-long");
      return;
    }
    Open window = chosen.get(0);
    try {
      Participation.SmsView view =
          participation.submitBySms(
              window.publicId(),
              ward.code(),
              body,
              sms.phone(),
              language,
              submission(sms.messageId()));
      if (view.recorded()) {
        String document =
            messages.getMessage(
                "budget.milestone." + window.code().toLowerCase(Locale.ROOT), null, language);
        reply(
            sms,
            language,
            "budget.sms.received",
            document,
            view.publicId(),
            baseUrl + "/budget/views/" + view.publicId());
      }
    } catch (DataIntegrityViolationException | ConcurrencyFailureException retriedAtOnce) {
      // the same message retried while the first was being recorded: that one replies; any
      // other failure goes to the gateway, which retries
      if (!recorded(submission(sms.messageId()))) {
        throw retriedAtOnce;
      }
    } catch (UserError closedMeanwhile) {
      reply(sms, language, "budget.sms.closed");
    }
  }

  /** Whether one ward answered; otherwise replies asking for it. */
  private boolean wardFound(InboundSms sms, WardMatch match, Locale language) {
    if (match.found() != null) {
      return true;
    }
    if (match.wards().isEmpty()) {
      reply(sms, language, "budget.sms.ward");
    } else {
      String names =
          match.wards().stream().limit(6).map(SmsWard::name).collect(Collectors.joining(", "));
      reply(sms, language, "budget.sms.ward-which", names);
    }
    return false;
  }

  /** The county's windows open today whose report is not out, with the codes SMS name them by. */
  private List<Open> openToday(String county) {
    LocalDate today = calendar.today();
    List<Open> open =
        jdbc.sql(
                """
                select w.public_id, m.code, m.fiscal_year from budget_window w
                join budget_milestone m on m.id = w.milestone_id
                where m.county_code = ? and w.opens_on <= ? and w.closes_on >= ?
                  and w.report_published_at is null
                order by m.fiscal_year, m.code
                """)
            .params(county, today, today)
            .query(
                (rs, n) ->
                    new Open(
                        rs.getString(1),
                        rs.getString(2),
                        new FiscalYear(rs.getInt(3)),
                        rs.getString(2)))
            .list();
    return open.stream()
        .map(
            w ->
                open.stream().filter(o -> o.code().equals(w.code())).count() == 1
                    ? w
                    : new Open(w.publicId(), w.code(), w.year(), w.code() + "-" + w.year()))
        .toList();
  }

  private boolean recorded(String submission) {
    return jdbc.sql("select count(*) from budget_view where submission = ?")
            .param(submission)
            .query(Integer.class)
            .single()
        > 0;
  }

  private Set<String> documentCodes() {
    return Set.copyOf(
        jdbc.sql("select code from budget_milestone_default").query(String.class).list());
  }

  /** The view's submission key: the gateway's message id, hashed when too long for the column. */
  static String submission(String messageId) {
    String key = "SMS:" + messageId;
    if (key.length() <= 64) {
      return key;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
      return "SMS#" + HexFormat.of().formatHex(hash).substring(0, 60);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void reply(InboundSms sms, Locale language, String key, Object... args) {
    sms.reply(messages.getMessage(key, args, language));
  }
}
