package ke.baraza.platform.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The text a person sees in an Excel cell, from the value the file stores and the cell's number
 * format: plain numbers, ISO dates and times. Other number formats (thousands separators, percent,
 * currency) are not applied: the plain number is what an import needs.
 */
final class XlsxCells {

  /** What a number format shows. */
  enum Shows {
    NUMBER,
    DATE,
    DATE_TIME,
    TIME
  }

  private static final MathContext EXCEL_PRECISION = new MathContext(15);
  private static final double LAST_DAY = 2_958_465; // 9999-12-31
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

  private XlsxCells() {}

  /** What the built-in format {@code id} shows, or, when the file defines it, its {@code code}. */
  static Shows shows(int id, String code) {
    if (code != null) {
      return shows(code);
    }
    if (id == 22) {
      return Shows.DATE_TIME;
    }
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47) || id == 32 || id == 33) {
      return Shows.TIME;
    }
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36)) {
      return Shows.DATE;
    }
    return id >= 50 && id <= 58 ? Shows.DATE : Shows.NUMBER;
  }

  /**
   * Reads the first section of a format code, skipping quoted text, escapes, padding, fills and
   * [colour] or [$locale] brackets: y or d means a date, h or s a time, m a month unless with h or
   * s (then minutes).
   */
  static Shows shows(String code) {
    boolean year = false;
    boolean day = false;
    boolean month = false;
    boolean hour = false;
    boolean second = false;
    for (int i = 0; i < code.length(); i++) {
      char c = Character.toLowerCase(code.charAt(i));
      switch (c) {
        case ';' -> i = code.length();
        case '"', '[' -> {
          int end = code.indexOf(c == '"' ? '"' : ']', i + 1);
          i = end < 0 ? code.length() : end;
        }
        case '\\', '_', '*' -> i++;
        case 'y' -> year = true;
        case 'd' -> day = true;
        case 'm' -> month = true;
        case 'h' -> hour = true;
        case 's' -> second = true;
        default -> {}
      }
    }
    boolean time = hour || second;
    boolean date = year || day || (month && !time);
    if (date) {
      return time ? Shows.DATE_TIME : Shows.DATE;
    }
    return time ? Shows.TIME : Shows.NUMBER;
  }

  /**
   * A stored number as text: at most Excel's 15 significant digits, no trailing zeros, no exponent
   * unless the number is huge or tiny. A phone number saved as a number has lost its leading zero
   * in Excel already; its digits come back as they are.
   *
   * @throws NumberFormatException when {@code raw} is not a number
   */
  static String number(String raw) {
    BigDecimal n = new BigDecimal(raw.strip()).round(EXCEL_PRECISION).stripTrailingZeros();
    return n.scale() < -20 || n.scale() > 20 ? n.toString() : n.toPlainString();
  }

  /**
   * A stored serial day number as an ISO date, date and time or time; as a number when out of
   * Excel's range.
   */
  static String dateTime(String raw, Shows shows, boolean date1904) {
    double serial = Double.parseDouble(raw.strip());
    if (!(serial >= 0 && serial <= LAST_DAY)) {
      return number(raw);
    }
    long days = (long) Math.floor(serial);
    long seconds = Math.round((serial - days) * 86_400);
    LocalDate base;
    if (date1904) {
      base = LocalDate.of(1904, 1, 1);
    } else {
      // Excel counts a 29 February 1900 that never was: day 61 is 1 March 1900.
      base = days < 61 ? LocalDate.of(1899, 12, 31) : LocalDate.of(1899, 12, 30);
    }
    LocalDateTime at = base.plusDays(days).atStartOfDay().plusSeconds(seconds);
    String time = at.format(at.getSecond() == 0 ? MINUTES : SECONDS);
    return switch (shows) {
      case DATE -> at.toLocalDate().toString();
      case DATE_TIME -> at.toLocalDate() + " " + time;
      case TIME -> time;
      case NUMBER -> number(raw);
    };
  }
}
