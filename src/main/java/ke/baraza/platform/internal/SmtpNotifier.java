package ke.baraza.platform.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import ke.baraza.platform.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail over SMTP; SMS is handed to the next adapter. */
class SmtpNotifier implements Notifier {

  private static final Logger log = LoggerFactory.getLogger(SmtpNotifier.class);

  private final JavaMailSender sender;
  private final String from;

  SmtpNotifier(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void email(String to, String subject, String body) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(body, false);
      sender.send(message);
      log.info("E-mail sent to {}", Notifier.mask(to));
    } catch (MessagingException e) {
      throw new IllegalStateException("The e-mail could not be composed", e);
    }
  }

  @Override
  public void sms(String toE164, String text) {
    throw new UnsupportedOperationException("SMS goes through the outbox or a gateway");
  }
}
