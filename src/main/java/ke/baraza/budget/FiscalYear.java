package ke.baraza.budget;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kenyan fiscal year, 1 July to 30 June, written like {@code 2025-26}.
 *
 * @param startYear the calendar year it starts in (2025 for 2025-26)
 */
public record FiscalYear(int startYear) {

  private static final Pattern LABEL = Pattern.compile("(\\d{4})-(\\d{2})");

  public FiscalYear {
    if (startYear < 2000 || startYear > 2099) {
      throw new IllegalArgumentException("fiscal year out of range");
    }
  }

  /**
   * Reads {@code 2025-26}.
   *
   * @return the year, or {@code null} when {@code label} is null, malformed, out of range or its
   *     two halves do not follow each other ({@code 2025-27})
   */
  public static FiscalYear parse(String label) {
    if (label == null) {
      return null;
    }
    Matcher m = LABEL.matcher(label.strip());
    if (!m.matches()) {
      return null;
    }
    int start = Integer.parseInt(m.group(1));
    if (start < 2000 || start > 2099 || (start + 1) % 100 != Integer.parseInt(m.group(2))) {
      return null;
    }
    return new FiscalYear(start);
  }

  /** The fiscal year that {@code day} falls in. */
  public static FiscalYear of(LocalDate day) {
    return new FiscalYear(day.getMonthValue() >= 7 ? day.getYear() : day.getYear() - 1);
  }

  /** 1 July of the start year. */
  public LocalDate firstDay() {
    return LocalDate.of(startYear, 7, 1);
  }

  /** 30 June of the next year. */
  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, 6, 30);
  }

  /** {@code 2025-26}. */
  public String label() {
    return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
  }

  @Override
  public String toString() {
    return label();
  }
}
