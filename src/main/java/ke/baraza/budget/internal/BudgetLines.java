package ke.baraza.budget.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import ke.baraza.budget.BudgetLine;
import ke.baraza.budget.FiscalYear;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.TabularFiles;
import ke.baraza.platform.TabularFiles.Row;
import ke.baraza.platform.TabularFiles.Table;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import ke.baraza.shared.PublicId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget lines imported from CSV or XLSX files as counties publish them. Each row is checked on its
 * own: a row with a missing name, an unknown ward, or a negative or non-numeric amount is returned
 * with its row number and what is wrong, and the good rows are kept.
 */
@Service
public class BudgetLines {

  /** The columns of a budget-line file, by header; the first three are required. */
  static final List<String> COLUMNS =
      List.of(
          "department",
          "programme",
          "approved",
          "sub-programme",
          "economic classification",
          "ward",
          "supplementary",
          "actual q1",
          "actual q2",
          "actual q3",
          "actual q4");

  private static final BigDecimal MAX = new BigDecimal("1000000000000000");

  /** Every line of a county's fiscal year, in the order pages and downloads show them. */
  private static final String LINES =
      """
      select department, programme, sub_programme, economic_class, ward_code, approved,
             supplementary, actual_q1, actual_q2, actual_q3, actual_q4
      from budget_line where county_code = ? and fiscal_year = ?
      order by department, programme, import_id, row_number
      """;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final BudgetPermissions permissions;
  private final GeographyApi geography;
  private final AuditLog audit;
  private final Clock clock;

  BudgetLines(
      JdbcClient jdbc,
      JdbcTemplate batch,
      BudgetPermissions permissions,
      GeographyApi geography,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.permissions = permissions;
    this.geography = geography;
    this.audit = audit;
    this.clock = clock;
  }

  /** A refused row: its number in the file, the column and the message key of the problem. */
  public record RowError(int row, String column, String messageKey) {}

  /** What an import did. */
  public record Imported(int rows, List<RowError> errors) {}

  /**
   * The totals of a department or a ward: approved, supplementary and actual expenditure of the
   * four quarters.
   *
   * @param key the department, or the ward's code ({@code null} for county-wide lines)
   * @param label the department, or the ward's name ({@code null} for county-wide lines)
   * @param supplementary {@code null} when no line has one
   * @param revised each line's supplementary estimate where it has one, else its approved, summed
   */
  public record Total(
      String key,
      String label,
      BigDecimal approved,
      BigDecimal supplementary,
      BigDecimal revised,
      BigDecimal actual) {

    /**
     * The budget that expenditure is measured against: the revised estimates (a supplementary
     * budget replaces the approved amount of a line, as in the Controller of Budget's reviews).
     */
    public BigDecimal budget() {
      return revised;
    }

    /** Actual expenditure in percent of the revised budget; 0 without a budget. */
    public int absorption() {
      return BudgetLines.absorption(actual, budget());
    }
  }

  /**
   * A budget line as published for download: the ward's name beside its code, the year's actual
   * expenditure and the absorption.
   *
   * @param wardName {@code ""} for a county-wide line
   */
  public record OpenLine(
      String department,
      String programme,
      String subProgramme,
      String economicClassification,
      String wardCode,
      String wardName,
      BigDecimal approved,
      BigDecimal supplementary,
      BigDecimal actualQ1,
      BigDecimal actualQ2,
      BigDecimal actualQ3,
      BigDecimal actualQ4,
      BigDecimal actualTotal,
      int absorption) {

    /** The column names of a download, in order; stable whatever the reader's language. */
    public static final List<String> COLUMNS =
        List.of(
            "department",
            "programme",
            "sub-programme",
            "economic classification",
            "ward code",
            "ward name",
            "approved",
            "supplementary",
            "actual q1",
            "actual q2",
            "actual q3",
            "actual q4",
            "actual total",
            "absorption %");

    /** The cells of a download's row, in the order of {@link #COLUMNS}; empty cells null. */
    public List<Object> cells() {
      return java.util.Arrays.asList(
          department,
          programme,
          subProgramme,
          economicClassification,
          wardCode,
          wardName,
          approved,
          supplementary,
          actualQ1,
          actualQ2,
          actualQ3,
          actualQ4,
          actualTotal,
          absorption);
    }
  }

  /**
   * Imports a file of budget lines for a county's fiscal year: good rows are added, bad rows are
   * returned with their errors.
   *
   * @throws UserError 403 for anyone but the county's staff; 400 when a required column is missing;
   *     the table reader's refusals (type, size) as they are
   * @throws IOException when the upload cannot be read
   */
  @Transactional
  public Imported importFile(String countyCode, FiscalYear year, InputStream in, String fileName)
      throws IOException {
    SignedInUser user = permissions.requireCountyStaff(countyCode);
    Table table = TabularFiles.read(in, fileName, TabularFiles.Limits.DEFAULTS);
    int[] at = new int[COLUMNS.size()];
    for (int i = 0; i < COLUMNS.size(); i++) {
      OptionalInt c = column(table, COLUMNS.get(i));
      if (c.isEmpty() && i < 3) {
        throw UserError.badRequest("budget.lines.column-missing", COLUMNS.get(i));
      }
      at[i] = c.orElse(-1);
    }
    Map<String, String> wards = wardsByCodeAndName(geography, countyCode);
    List<Object[]> good = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    for (Row row : table.rows()) {
      List<RowError> rowErrors = new ArrayList<>();
      String department = text(row, at[0], "department", rowErrors, true);
      String programme = text(row, at[1], "programme", rowErrors, true);
      BigDecimal approved = amount(row, at[2], "approved", rowErrors, true);
      String sub = text(row, at[3], "sub-programme", rowErrors, false);
      String economic = text(row, at[4], "economic classification", rowErrors, false);
      String wardText = cell(row, at[5]);
      String ward = null;
      if (!wardText.isEmpty()) {
        ward = wards.get(wardText.toLowerCase(Locale.ROOT));
        if (ward == null) {
          rowErrors.add(new RowError(row.number(), "ward", "budget.lines.ward-unknown"));
        }
      }
      BigDecimal[] amounts = new BigDecimal[5];
      for (int i = 0; i < 5; i++) {
        amounts[i] = amount(row, at[6 + i], COLUMNS.get(6 + i), rowErrors, false);
      }
      if (!rowErrors.isEmpty()) {
        errors.addAll(rowErrors);
        continue;
      }
      good.add(
          new Object[] {
            countyCode,
            year.startYear(),
            row.number(),
            department,
            programme,
            sub,
            economic,
            ward,
            approved,
            amounts[0],
            amounts[1],
            amounts[2],
            amounts[3],
            amounts[4]
          });
    }
    String publicId = PublicId.next();
    String name = fileName == null ? null : fileName.substring(0, Math.min(200, fileName.length()));
    jdbc.sql(
            "insert into budget_line_import (public_id, county_code, fiscal_year, file_name,"
                + " rows_imported, rows_rejected, imported_by, imported_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            publicId,
            countyCode,
            year.startYear(),
            name,
            good.size(),
            errors.stream().map(RowError::row).distinct().count(),
            user.publicId(),
            OffsetDateTime.now(clock))
        .update();
    long importId =
        jdbc.sql("select id from budget_line_import where public_id = ?")
            .param(publicId)
            .query(Long.class)
            .single();
    List<Object[]> rows =
        good.stream()
            .map(
                r -> {
                  Object[] withImport = new Object[r.length + 1];
                  withImport[0] = importId;
                  System.arraycopy(r, 0, withImport, 1, r.length);
                  return withImport;
                })
            .toList();
    batch.batchUpdate(
        "insert into budget_line (import_id, county_code, fiscal_year, row_number, department,"
            + " programme, sub_programme, economic_class, ward_code, approved, supplementary,"
            + " actual_q1, actual_q2, actual_q3, actual_q4)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    audit.record(user.publicId(), "budget:lines-imported", publicId, countyCode);
    return new Imported(good.size(), errors);
  }

  /** A page of a county's budget lines of a fiscal year, by department, programme and row. */
  @Transactional(readOnly = true)
  public PageResult<BudgetLine> lines(String countyCode, FiscalYear year, PageRequest page) {
    long total =
        jdbc.sql("select count(*) from budget_line where county_code = ? and fiscal_year = ?")
            .params(countyCode, year.startYear())
            .query(Long.class)
            .single();
    List<BudgetLine> items =
        jdbc.sql(LINES + " offset ? rows fetch next ? rows only")
            .params(countyCode, year.startYear(), page.offset(), page.size())
            .query(BudgetLines::line)
            .list();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /** Totals by department, by name (one query). */
  @Transactional(readOnly = true)
  public List<Total> totals(String countyCode, FiscalYear year) {
    return sums("department", countyCode, year).stream()
        .map(
            t ->
                new Total(
                    t.key(), t.key(), t.approved(), t.supplementary(), t.revised(), t.actual()))
        .toList();
  }

  /**
   * Totals by ward, by ward name, the county-wide lines (no ward) last (two queries: the sums, the
   * wards' names).
   */
  @Transactional(readOnly = true)
  public List<Total> wardTotals(String countyCode, FiscalYear year) {
    List<Total> sums = sums("ward_code", countyCode, year);
    Map<String, Ward> wards =
        geography.wards(sums.stream().map(Total::key).filter(k -> k != null).toList());
    return sums.stream()
        .map(
            t ->
                new Total(
                    t.key(),
                    t.key() == null
                        ? null
                        : wards.containsKey(t.key()) ? wards.get(t.key()).name() : t.key(),
                    t.approved(),
                    t.supplementary(),
                    t.revised(),
                    t.actual()))
        .sorted(
            java.util.Comparator.comparing(
                Total::label, java.util.Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
        .toList();
  }

  /**
   * Every budget line of a county's fiscal year for download, in the order of {@link #lines} (two
   * queries: the lines, the wards' names).
   */
  @Transactional(readOnly = true)
  public List<OpenLine> openLines(String countyCode, FiscalYear year) {
    List<BudgetLine> all =
        jdbc.sql(LINES).params(countyCode, year.startYear()).query(BudgetLines::line).list();
    Map<String, Ward> wards =
        geography.wards(all.stream().map(BudgetLine::wardCode).filter(c -> c != null).toList());
    return all.stream()
        .map(
            l -> {
              BigDecimal actual = sum(l.actualQ1(), l.actualQ2(), l.actualQ3(), l.actualQ4());
              Ward ward = l.wardCode() == null ? null : wards.get(l.wardCode());
              return new OpenLine(
                  l.department(),
                  l.programme(),
                  l.subProgramme(),
                  l.economicClassification(),
                  l.wardCode(),
                  ward == null ? "" : ward.name(),
                  l.approved(),
                  l.supplementary(),
                  l.actualQ1(),
                  l.actualQ2(),
                  l.actualQ3(),
                  l.actualQ4(),
                  actual,
                  absorption(actual, l.supplementary() != null ? l.supplementary() : l.approved()));
            })
        .toList();
  }

  /** Actual in whole percent of budget, rounded half up; 0 when the budget is null or zero. */
  static int absorption(BigDecimal actual, BigDecimal budget) {
    return budget == null || budget.signum() == 0 || actual == null
        ? 0
        : actual
            .multiply(BigDecimal.valueOf(100))
            .divide(budget, 0, java.math.RoundingMode.HALF_UP)
            .intValue();
  }

  /**
   * An amount in Kenya shillings for people to read: {@code KES 1,250,000}, rounded to the
   * shilling; {@code ""} for null.
   */
  public static String kes(BigDecimal amount) {
    return amount == null ? "" : String.format(Locale.ENGLISH, "KES %,.0f", amount);
  }

  private static BigDecimal sum(BigDecimal... amounts) {
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal a : amounts) {
      total = a == null ? total : total.add(a);
    }
    return total;
  }

  private static BudgetLine line(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new BudgetLine(
        rs.getString("department"),
        rs.getString("programme"),
        rs.getString("sub_programme"),
        rs.getString("economic_class"),
        rs.getString("ward_code"),
        rs.getBigDecimal("approved"),
        rs.getBigDecimal("supplementary"),
        rs.getBigDecimal("actual_q1"),
        rs.getBigDecimal("actual_q2"),
        rs.getBigDecimal("actual_q3"),
        rs.getBigDecimal("actual_q4"));
  }

  private List<Total> sums(String column, String countyCode, FiscalYear year) {
    return jdbc.sql(
            "select "
                + column
                + " k, sum(approved) approved, sum(supplementary) supplementary,"
                + " sum(coalesce(supplementary, approved)) revised,"
                + " sum(coalesce(actual_q1, 0) + coalesce(actual_q2, 0) + coalesce(actual_q3, 0)"
                + " + coalesce(actual_q4, 0)) actual"
                + " from budget_line where county_code = ? and fiscal_year = ?"
                + " group by "
                + column
                + " order by "
                + column)
        .params(countyCode, year.startYear())
        .query(
            (rs, n) ->
                new Total(
                    rs.getString("k"),
                    rs.getString("k"),
                    rs.getBigDecimal("approved"),
                    rs.getBigDecimal("supplementary"),
                    rs.getBigDecimal("revised"),
                    rs.getBigDecimal("actual")))
        .list();
  }

  /** The county's wards by code and by lower-case name, as an imported file may name them. */
  static Map<String, String> wardsByCodeAndName(GeographyApi geography, String countyCode) {
    Map<String, String> wards = new HashMap<>();
    for (Ward w : geography.wards(countyCode, new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
      wards.put(w.code(), w.code());
      wards.put(w.name().toLowerCase(Locale.ROOT), w.code());
    }
    return wards;
  }

  /** A column by name, ignoring case, spaces and punctuation ("Sub programme", "actual_q1"). */
  static OptionalInt column(Table table, String name) {
    OptionalInt c = table.column(name);
    if (c.isPresent()) {
      return c;
    }
    // "sub_programme", "Sub programme", "economic_classification", "actual_q1"
    String loose = name.replaceAll("[^a-z0-9]", "");
    for (int i = 0; i < table.header().size(); i++) {
      if (table
          .header()
          .get(i)
          .toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9]", "")
          .equals(loose)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** The stripped cell, or "" for a column the file lacks ({@code at} < 0). */
  static String cell(Row row, int at) {
    return at < 0 ? "" : row.cell(at).strip();
  }

  /** A text cell of at most 200 characters, or null when empty; errors are added, not thrown. */
  static String text(Row row, int at, String column, List<RowError> errors, boolean required) {
    String value = cell(row, at);
    if (value.isEmpty()) {
      if (required) {
        errors.add(new RowError(row.number(), column, "budget.lines.required"));
      }
      return null;
    }
    if (value.length() > 200) {
      errors.add(new RowError(row.number(), column, "budget.text.too-long"));
    }
    return value;
  }

  /**
   * An amount: digits with an optional decimal point, thousands may be grouped with commas ({@code
   * 1,250,000.50}); negative, non-numeric or absurdly large amounts are errors.
   */
  static BigDecimal amount(
      Row row, int at, String column, List<RowError> errors, boolean required) {
    String value = cell(row, at).replace(" ", "");
    if (value.isEmpty()) {
      if (required) {
        errors.add(new RowError(row.number(), column, "budget.lines.required"));
      }
      return null;
    }
    if (value.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
      value = value.replace(",", "");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value);
    } catch (NumberFormatException e) {
      errors.add(new RowError(row.number(), column, "budget.lines.not-a-number"));
      return null;
    }
    if (amount.signum() < 0) {
      errors.add(new RowError(row.number(), column, "budget.lines.negative"));
      return null;
    }
    if (amount.compareTo(MAX) >= 0 || amount.scale() > 2) {
      errors.add(new RowError(row.number(), column, "budget.lines.not-a-number"));
      return null;
    }
    return amount;
  }
}
