package ke.baraza.platform;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Normalises what people type as an e-mail address or a Kenyan phone number. */
public final class Contacts {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9(][0-9 ().-]*");
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  private Contacts() {}

  /** Whether the text is meant as an e-mail address rather than a phone number. */
  public static boolean looksLikeEmail(String raw) {
    return raw != null && raw.contains("@");
  }

  /** The address in lower case, or empty when it is not a plausible e-mail address. */
  public static Optional<String> email(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String value = raw.strip().toLowerCase(Locale.ROOT);
    if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /**
   * A Kenyan mobile or fixed number in E.164 ({@code +254…}), from any usual way of writing it
   * ({@code 0712 345 678}, {@code 254712345678}, {@code +254-712-345678}); empty when it is not a
   * valid Kenyan number.
   */
  public static Optional<String> kenyanPhone(String raw) {
    if (raw == null || raw.isBlank() || raw.length() > 32) {
      return Optional.empty();
    }
    String value = raw.strip();
    // digits, spaces, dashes, dots, brackets and one leading plus only: the parser would read the
    // letters of "0711 BARAZA" as a keypad's digits, and a typo would reach a stranger's phone
    if (!PHONE_CHARACTERS.matcher(value).matches()) {
      return Optional.empty();
    }
    if (value.startsWith("254")) {
      value = "+" + value;
    }
    try {
      PhoneNumber number = PHONES.parse(value, "KE");
      if (number.getCountryCode() != 254 || !PHONES.isValidNumberForRegion(number, "KE")) {
        return Optional.empty();
      }
      return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** What someone typed to sign in, as stored: a lower-case e-mail or an E.164 phone number. */
  public static Optional<String> signInName(String raw) {
    return looksLikeEmail(raw) ? email(raw) : kenyanPhone(raw);
  }
}
