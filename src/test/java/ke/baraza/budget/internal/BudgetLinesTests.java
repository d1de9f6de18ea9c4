package ke.baraza.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import ke.baraza.budget.internal.BudgetLines.RowError;
import ke.baraza.platform.TabularFiles.Row;
import org.junit.jupiter.api.Test;

class BudgetLinesTests {

  @Test
  void amountsAreShillingsWithOptionalThousandsCommas() {
    assertThat(amount("1,250,000.50")).isEqualByComparingTo("1250000.50");
    assertThat(amount("300000")).isEqualByComparingTo("300000");
    assertThat(amount("0")).isEqualByComparingTo("0");
  }

  @Test
  void negativeNonNumericAndOverPreciseAmountsAreRowErrors() {
    assertThat(error("-500")).isEqualTo("budget.lines.negative");
    assertThat(error("lots")).isEqualTo("budget.lines.not-a-number");
    assertThat(error("12.345")).isEqualTo("budget.lines.not-a-number");
    assertThat(error("1,25,000")).isEqualTo("budget.lines.not-a-number");
  }

  private static BigDecimal amount(String cell) {
    List<RowError> errors = new ArrayList<>();
    BigDecimal amount = BudgetLines.amount(new Row(2, List.of(cell)), 0, "approved", errors, true);
    assertThat(errors).isEmpty();
    return amount;
  }

  private static String error(String cell) {
    List<RowError> errors = new ArrayList<>();
    assertThat(BudgetLines.amount(new Row(2, List.of(cell)), 0, "approved", errors, true)).isNull();
    assertThat(errors).hasSize(1);
    return errors.getFirst().messageKey();
  }
}
