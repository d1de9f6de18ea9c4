package ke.baraza.platform.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import ke.baraza.platform.Notifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses the notification adapters: SMTP when {@code spring.mail.host} is set, otherwise the local
 * outbox; SMS through Africa's Talking when {@code baraza.sms.africastalking.url}, {@code
 * .username} and {@code .api-key} are set, otherwise to the outbox.
 */
@Configuration(proxyBeanMethods = false)
class NotifierConfig {

  @Bean
  Notifier notifier(
      ObjectProvider<JavaMailSender> mailSender,
      @Value("${baraza.mail.from:Baraza <no-reply@baraza.local>}") String from,
      @Value("${baraza.data-dir:./data}") String dataDir,
      @Value("${baraza.sms.africastalking.url:}") String smsUrl,
      @Value("${baraza.sms.africastalking.username:}") String smsUsername,
      @Value("${baraza.sms.africastalking.api-key:}") String smsApiKey,
      @Value("${baraza.sms.africastalking.sender:}") String smsSender,
      Clock clock) {
    JavaMailSender sender = mailSender.getIfAvailable();
    Notifier mail = sender == null ? null : new SmtpNotifier(sender, from);
    AfricasTalkingSms gateway = null;
    if (!smsUrl.isBlank()) {
      if (smsUsername.isBlank() || smsApiKey.isBlank()) {
        throw new IllegalStateException(
            "baraza.sms.africastalking.url is set: set its username and api-key too");
      }
      gateway =
          new AfricasTalkingSms(URI.create(smsUrl.strip()), smsUsername, smsApiKey, smsSender);
    }
    return new OutboxNotifier(Path.of(dataDir, "outbox"), clock, mail, gateway);
  }
}
