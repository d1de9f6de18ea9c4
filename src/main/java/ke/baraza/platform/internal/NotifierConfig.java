package ke.baraza.platform.internal;

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
 * outbox; SMS always to the outbox until a gateway adapter is configured.
 */
@Configuration(proxyBeanMethods = false)
class NotifierConfig {

  @Bean
  Notifier notifier(
      ObjectProvider<JavaMailSender> mailSender,
      @Value("${baraza.mail.from:Baraza <no-reply@baraza.local>}") String from,
      @Value("${baraza.data-dir:./data}") String dataDir,
      Clock clock) {
    JavaMailSender sender = mailSender.getIfAvailable();
    Notifier mail = sender == null ? null : new SmtpNotifier(sender, from);
    return new OutboxNotifier(Path.of(dataDir, "outbox"), clock, mail);
  }
}
