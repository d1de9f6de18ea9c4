package ke.baraza.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlanPeriodTests {

  @Test
  void readsMonthsQuartersAndYearsWithTheirDays() {
    PlanPeriod march = PlanPeriod.parse("2025-03").orElseThrow();
    assertThat(march.frequency()).isEqualTo(Frequency.MONTHLY);
    assertThat(march.end()).isEqualTo(LocalDate.of(2025, 3, 31));
    PlanPeriod q4 = PlanPeriod.parse(" 2025-q4 ").orElseThrow();
    assertThat(q4.code()).isEqualTo("2025-Q4");
    assertThat(q4.start()).isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(q4.end()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(PlanPeriod.parse("2026").orElseThrow().frequency()).isEqualTo(Frequency.ANNUAL);
  }

  @Test
  void refusesWhatIsNoPeriod() {
    for (String bad : new String[] {"", null, "2025-13", "2025-Q5", "March 2025", "25-03"}) {
      assertThat(PlanPeriod.parse(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void findsThePeriodOfADayAndTheOneBefore() {
    LocalDate day = LocalDate.of(2026, 1, 10);
    assertThat(PlanPeriod.containing(day, Frequency.QUARTERLY).previous().code())
        .isEqualTo("2025-Q4");
    assertThat(PlanPeriod.containing(day, Frequency.MONTHLY).previous().code())
        .isEqualTo("2025-12");
    assertThat(PlanPeriod.parse("2025-Q1").orElseThrow().overlaps(day, day.plusYears(1))).isFalse();
    assertThat(PlanPeriod.parse("2026-Q1").orElseThrow().overlaps(day, day.plusYears(1))).isTrue();
  }
}
