package ke.baraza.platform;

/**
 * The notification port: e-mail and SMS. Adapters are chosen by configuration (SMTP when {@code
 * spring.mail.host} is set, otherwise files in the local outbox; an SMS gateway when configured,
 * otherwise the outbox). Implementations never log the message body or the full address.
 */
public interface Notifier {

  /** Sends an e-mail; returns once the message has been handed to the transport. */
  void email(String to, String subject, String body);

  /** Sends an SMS to an E.164 number. */
  void sms(String toE164, String text);

  /**
   * Masks an e-mail address or phone number for logs: {@code j***@example.org}, {@code +2547***12}.
   */
  static String mask(String contact) {
    if (contact == null || contact.isBlank()) {
      return "-";
    }
    int at = contact.indexOf('@');
    if (at > 0) {
      return contact.charAt(0) + "***" + contact.substring(at);
    }
    if (contact.length() > 6) {
      return contact.substring(0, 5) + "***" + contact.substring(contact.length() - 2);
    }
    return "***";
  }
}
