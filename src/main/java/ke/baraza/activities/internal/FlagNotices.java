package ke.baraza.activities.internal;

import java.util.List;
import java.util.Locale;
import ke.baraza.platform.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mails a county's flag recipients of newly raised flags: the two activities' titles and the link
 * to the county's flags. Flags are never public, so nothing is sent to the organisations.
 */
@Component
class FlagNotices {

  private static final Logger log = LoggerFactory.getLogger(FlagNotices.class);

  private final JdbcClient jdbc;
  private final Notifier notifier;
  private final MessageSource messages;
  private final String baseUrl;

  FlagNotices(
      JdbcClient jdbc,
      Notifier notifier,
      MessageSource messages,
      @Value("${baraza.base-url:http://localhost:8080}") String baseUrl) {
    this.jdbc = jdbc;
    this.notifier = notifier;
    this.messages = messages;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Mails the flags with these public ids (all of one county); never throws. */
  void send(List<String> flagIds) {
    try {
      record Raised(String countyCode, String aTitle, String bTitle) {}
      List<Raised> flags =
          jdbc.sql(
                  "select f.county_code, a.title as a_title, b.title as b_title"
                      + " from activity_flag f join activity a on a.id = f.activity_a_id"
                      + " join activity b on b.id = f.activity_b_id"
                      + " where f.public_id in (:ids) order by f.id")
              .param("ids", flagIds)
              .query(Raised.class)
              .list();
      if (flags.isEmpty()) {
        return;
      }
      String county = flags.get(0).countyCode();
      record To(String email, String language) {}
      List<To> recipients =
          jdbc.sql("select email, language from activity_flag_recipient where county_code = ?")
              .param(county)
              .query(To.class)
              .list();
      String link = baseUrl + "/activities/counties/" + county + "/flags";
      for (To to : recipients) {
        Locale language = Locale.forLanguageTag(to.language());
        StringBuilder text =
            new StringBuilder(
                messages.getMessage(
                    "activity.flag.mail.intro", new Object[] {flags.size()}, language));
        text.append("\n\n");
        for (Raised f : flags) {
          text.append("- ").append(f.aTitle()).append(" / ").append(f.bTitle()).append('\n');
        }
        text.append('\n')
            .append(messages.getMessage("activity.flag.mail.link", new Object[] {link}, language));
        try {
          notifier.email(
              to.email(),
              messages.getMessage("activity.flag.mail.subject", null, language),
              text.toString());
        } catch (RuntimeException e) {
          log.warn(
              "Flag notice to {} not sent: {}",
              Notifier.mask(to.email()),
              e.getClass().getSimpleName());
        }
      }
    } catch (RuntimeException e) {
      log.warn("Flag notices not sent: {}", e.getClass().getSimpleName());
    }
  }
}
