package ke.baraza.plans.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting or measurement period: a month ({@code 2025-03}), a quarter of the calendar year
 * ({@code 2025-Q1}) or a year ({@code 2025}).
 *
 * @param code the period as written
 */
public record PlanPeriod(String code, Frequency frequency, LocalDate start, LocalDate end) {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  /** The period written as {@code text} (case ignored), or empty when it is none of the forms. */
  public static Optional<PlanPeriod> parse(String text) {
    String t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
    Matcher m = MONTH.matcher(t);
    if (m.matches()) {
      YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      return Optional.of(
          new PlanPeriod(t, Frequency.MONTHLY, month.atDay(1), month.atEndOfMonth()));
    }
    m = QUARTER.matcher(t);
    if (m.matches()) {
      return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
    if (YEAR.matcher(t).matches()) {
      int year = Integer.parseInt(t);
      return Optional.of(
          new PlanPeriod(
              t, Frequency.ANNUAL, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }
    return Optional.empty();
  }

  /** The period of {@code frequency} that contains {@code day}. */
  public static PlanPeriod containing(LocalDate day, Frequency frequency) {
    return switch (frequency) {
      case MONTHLY -> parse(YearMonth.from(day).toString()).orElseThrow();
      case QUARTERLY -> quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
      case ANNUAL -> parse(Integer.toString(day.getYear())).orElseThrow();
    };
  }

  /** The period just before this one, of the same frequency. */
  public PlanPeriod previous() {
    return containing(start.minusDays(1), frequency);
  }

  /** Whether any day of this period falls within {@code from}..{@code to}. */
  public boolean overlaps(LocalDate from, LocalDate to) {
    return !end.isBefore(from) && !start.isAfter(to);
  }

  private static PlanPeriod quarter(int year, int q) {
    LocalDate start = LocalDate.of(year, 3 * (q - 1) + 1, 1);
    return new PlanPeriod(
        year + "-Q" + q, Frequency.QUARTERLY, start, start.plusMonths(3).minusDays(1));
  }
}
