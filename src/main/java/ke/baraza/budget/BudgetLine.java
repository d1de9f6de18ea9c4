package ke.baraza.budget;

import java.math.BigDecimal;

/**
 * One line of a county's budget as published in its budget implementation review; amounts in Kenya
 * shillings, {@code null} where the file left them empty.
 *
 * @param wardCode the IEBC ward code, or {@code null} for a county-wide line
 */
public record BudgetLine(
    String department,
    String programme,
    String subProgramme,
    String economicClassification,
    String wardCode,
    BigDecimal approved,
    BigDecimal supplementary,
    BigDecimal actualQ1,
    BigDecimal actualQ2,
    BigDecimal actualQ3,
    BigDecimal actualQ4) {}
