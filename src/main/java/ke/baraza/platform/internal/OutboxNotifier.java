package ke.baraza.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import ke.baraza.platform.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter of a single-node install without SMTP or an SMS gateway: each message becomes a file
 * in {@code <data dir>/outbox}, readable by the operator, never written to the log. E-mail goes to
 * SMTP and SMS to the gateway instead when they are configured.
 */
class OutboxNotifier implements Notifier {

  private static final Logger log = LoggerFactory.getLogger(OutboxNotifier.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC);

  private final Path outbox;
  private final Clock clock;
  private final boolean smsOnly;
  private final Notifier mail;

  private final AfricasTalkingSms gateway;

  /**
   * @param mail the SMTP adapter, or {@code null} to put e-mail in the outbox too
   * @param gateway the SMS gateway, or {@code null} to put SMS in the outbox
   */
  OutboxNotifier(Path outbox, Clock clock, Notifier mail, AfricasTalkingSms gateway) {
    this.outbox = outbox;
    this.clock = clock;
    this.mail = mail;
    this.smsOnly = mail != null;
    this.gateway = gateway;
  }

  @Override
  public void email(String to, String subject, String body) {
    if (smsOnly) {
      mail.email(to, subject, body);
      return;
    }
    write("mail", "To: " + to + "\nSubject: " + subject + "\n\n" + body);
    log.info("E-mail to {} placed in the outbox", Notifier.mask(to));
  }

  @Override
  public void sms(String toE164, String text) {
    if (gateway != null) {
      gateway.send(toE164, text);
      return;
    }
    write("sms", "To: " + toE164 + "\n\n" + text);
    log.info("SMS to {} placed in the outbox", Notifier.mask(toE164));
  }

  private void write(String kind, String content) {
    try {
      Files.createDirectories(outbox);
      Path file =
          outbox.resolve(
              STAMP.format(clock.instant()) + "-" + kind + "-" + UUID.randomUUID() + ".txt");
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("The outbox cannot be written", e);
    }
  }
}
