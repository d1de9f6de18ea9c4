package ke.baraza.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import ke.baraza.budget.FiscalYear;
import org.junit.jupiter.api.Test;

class FiscalYearTests {

  @Test
  void readsAndWritesTheKenyanWayOfNamingAFiscalYear() {
    FiscalYear year = FiscalYear.parse(" 2025-26 ");
    assertThat(year.startYear()).isEqualTo(2025);
    assertThat(year.label()).isEqualTo("2025-26");
    assertThat(year.firstDay()).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(year.lastDay()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(FiscalYear.parse("2099-00")).isEqualTo(new FiscalYear(2099));
  }

  @Test
  void refusesWhatIsNotAFiscalYear() {
    assertThat(FiscalYear.parse("2025-27")).isNull();
    assertThat(FiscalYear.parse("2025/26")).isNull();
    assertThat(FiscalYear.parse("1999-00")).isNull();
    assertThat(FiscalYear.parse(null)).isNull();
  }

  @Test
  void aDayFallsInTheYearThatStartedTheFirstOfJulyBefore() {
    assertThat(FiscalYear.of(LocalDate.of(2026, 6, 30)).label()).isEqualTo("2025-26");
    assertThat(FiscalYear.of(LocalDate.of(2026, 7, 1)).label()).isEqualTo("2026-27");
  }
}
