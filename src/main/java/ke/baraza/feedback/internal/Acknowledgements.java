package ke.baraza.feedback.internal;

import java.util.Locale;
import ke.baraza.platform.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells a reporter, in their language, that their case was received: its reference, their private
 * code and where to track it. By SMS to a phone number, else by e-mail; nothing without a contact.
 */
@Component
class Acknowledgements {

  private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

  private final Notifier notifier;
  private final MessageSource messages;
  private final String baseUrl;

  Acknowledgements(
      Notifier notifier,
      MessageSource messages,
      @Value("${baraza.base-url:http://localhost:8080}") String baseUrl) {
    this.notifier = notifier;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  /** Sends the acknowledgement of a new case; a failure is logged (masked), never thrown. */
  void filed(FeedbackCase filed, String privateCode) {
    Locale language = filed.language();
    Object[] args = {filed.reference(), privateCode, baseUrl + "/track/" + filed.reference()};
    try {
      if (filed.reporterPhone() != null) {
        notifier.sms(
            filed.reporterPhone(), messages.getMessage("feedback.sms.filed", args, language));
      } else if (filed.reporterEmail() != null) {
        notifier.email(
            filed.reporterEmail(),
            messages.getMessage("feedback.mail.filed.subject", args, language),
            messages.getMessage("feedback.mail.filed.body", args, language));
      }
    } catch (RuntimeException e) {
      log.warn(
          "Acknowledgement of {} to {} not sent: {}",
          filed.reference(),
          Notifier.mask(
              filed.reporterPhone() != null ? filed.reporterPhone() : filed.reporterEmail()),
          e.getClass().getSimpleName());
    }
  }

  /** Sends a reply by SMS, e.g. to a message that could not be filed. */
  void sms(String phoneE164, String text) {
    try {
      notifier.sms(phoneE164, text);
    } catch (RuntimeException e) {
      log.warn(
          "SMS reply to {} not sent: {}", Notifier.mask(phoneE164), e.getClass().getSimpleName());
    }
  }
}
