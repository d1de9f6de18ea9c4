package ke.baraza.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The messages GreenMail received over real SMTP. */
public final class Mailbox {

  private Mailbox() {}

  /** The messages to {@code address}, waiting up to five seconds for at least one. */
  public static List<MimeMessage> to(String address) {
    for (int i = 0; i < 50; i++) {
      List<MimeMessage> found =
          Arrays.stream(TestEnvironment.mail().getReceivedMessages())
              .filter(m -> recipient(m).equalsIgnoreCase(address))
              .toList();
      if (!found.isEmpty()) {
        return found;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return List.of();
  }

  /** The path and query of the latest link to {@code pathStart} mailed to {@code address}. */
  public static String lastLink(String address, String pathStart) {
    List<MimeMessage> messages = to(address);
    assertThat(messages).as("mail to " + address).isNotEmpty();
    Pattern link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathStart) + "[^\\s]*)");
    for (int i = messages.size() - 1; i >= 0; i--) {
      String body = text(messages.get(i));
      Matcher m = link.matcher(body);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("no link to " + pathStart + " mailed to " + address);
  }

  /** The decoded text of a message (quoted-printable and soft line breaks undone). */
  public static String text(MimeMessage message) {
    try {
      Object content = message.getContent();
      return content instanceof String text ? text : GreenMailUtil.getBody(message);
    } catch (java.io.IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
