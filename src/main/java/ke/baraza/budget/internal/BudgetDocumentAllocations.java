package ke.baraza.budget.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import ke.baraza.budget.FiscalYear;
import ke.baraza.budget.internal.BudgetLines.RowError;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.TabularFiles;
import ke.baraza.platform.TabularFiles.Row;
import ke.baraza.platform.TabularFiles.Table;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programmes and allocations of a milestone's budget document: rows of programme, optional
 * sub-programme, amount in shillings and optional ward, entered one at a time or imported from a
 * CSV or XLSX file. Unlike budget lines, an allocation file is all or nothing: one bad row and no
 * row is kept, so that a document's totals never rest on half a file.
 */
@Service
public class BudgetDocumentAllocations {

  /** The columns of an allocation file, by header; the first two are required. */
  static final List<String> COLUMNS = List.of("programme", "amount", "sub-programme", "ward");

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final BudgetCalendar calendar;
  private final BudgetPermissions permissions;
  private final GeographyApi geography;
  private final AuditLog audit;
  private final Clock clock;

  BudgetDocumentAllocations(
      JdbcClient jdbc,
      JdbcTemplate batch,
      BudgetCalendar calendar,
      BudgetPermissions permissions,
      GeographyApi geography,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.calendar = calendar;
    this.permissions = permissions;
    this.geography = geography;
    this.audit = audit;
    this.clock = clock;
  }

  /** One allocation; {@code subProgramme}, {@code wardCode} and {@code wardName} may be null. */
  public record Allocation(
      String programme, String subProgramme, BigDecimal amount, String wardCode, String wardName) {}

  /** A programme's total of the document. */
  public record ProgrammeTotal(String programme, BigDecimal amount) {}

  /** The form of one allocation; every field as typed. */
  public record AllocationForm(String programme, String subProgramme, String amount, String ward) {
    public static AllocationForm blank() {
      return new AllocationForm("", "", "", "");
    }
  }

  /** What an import did: the rows kept, or (and then none kept) every bad row's problem. */
  public record Imported(int rows, List<RowError> errors) {}

  /**
   * Adds one allocation. Audited as {@code budget:allocation-added}.
   *
   * @throws UserError 403 for anyone but the county's staff, 404 for an unknown milestone
   * @throws InvalidInput 400 naming each bad field (missing programme, negative or non-numeric
   *     amount, unknown ward); nothing is kept then
   */
  @Transactional
  public void add(String countyCode, FiscalYear year, String code, AllocationForm form) {
    SignedInUser user = permissions.requireCountyStaff(countyCode);
    calendar.milestone(countyCode, year, code);
    Row row =
        new Row(
            1,
            List.of(
                nullToEmpty(form.programme()),
                nullToEmpty(form.amount()),
                nullToEmpty(form.subProgramme()),
                nullToEmpty(form.ward())));
    List<RowError> errors = new ArrayList<>();
    Object[] values =
        check(
            row,
            new int[] {0, 1, 2, 3},
            BudgetLines.wardsByCodeAndName(geography, countyCode),
            errors);
    if (!errors.isEmpty()) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (RowError e : errors) {
        fields.putIfAbsent(field(e.column()), e.messageKey());
      }
      throw new InvalidInput(HttpStatus.BAD_REQUEST, fields);
    }
    insert(countyCode, year, code, user, List.<Object[]>of(values));
    audit.record(
        user.publicId(),
        "budget:allocation-added",
        BudgetCalendar.target(countyCode, year, code),
        countyCode);
  }

  /**
   * Imports a file of allocations: every row is kept when all are good, none when any is bad.
   * Audited as {@code budget:allocations-imported}.
   *
   * @return the rows kept, or no rows and each bad row's problems
   * @throws UserError 403 for anyone but the county's staff; 404 for an unknown milestone; 400 when
   *     no file was sent or a required column is missing; the table reader's refusals as they are
   * @throws IOException when the upload cannot be read
   */
  @Transactional
  public Imported importFile(
      String countyCode, FiscalYear year, String code, InputStream in, String fileName)
      throws IOException {
    SignedInUser user = permissions.requireCountyStaff(countyCode);
    calendar.milestone(countyCode, year, code);
    if (in == null) {
      throw UserError.badRequest("budget.lines.file-required");
    }
    Table table = TabularFiles.read(in, fileName, TabularFiles.Limits.DEFAULTS);
    int[] at = new int[COLUMNS.size()];
    for (int i = 0; i < COLUMNS.size(); i++) {
      OptionalInt c = column(table, COLUMNS.get(i));
      if (c.isEmpty() && i < 2) {
        throw UserError.badRequest("budget.lines.column-missing", COLUMNS.get(i));
      }
      at[i] = c.orElse(-1);
    }
    Map<String, String> wards = BudgetLines.wardsByCodeAndName(geography, countyCode);
    List<Object[]> good = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    for (Row row : table.rows()) {
      good.add(check(row, at, wards, errors));
    }
    if (!errors.isEmpty()) {
      return new Imported(0, errors);
    }
    if (good.isEmpty()) {
      throw UserError.badRequest("budget.allocation.file-empty");
    }
    insert(countyCode, year, code, user, good);
    audit.record(
        user.publicId(),
        "budget:allocations-imported",
        BudgetCalendar.target(countyCode, year, code),
        countyCode);
    return new Imported(good.size(), List.of());
  }

  /** The allocations of a milestone's document, by programme, sub-programme and entry. */
  @Transactional(readOnly = true)
  public List<Allocation> allocations(String countyCode, FiscalYear year, String code) {
    Map<String, String> names = new HashMap<>();
    List<Allocation> rows =
        jdbc.sql(
                """
                select a.programme, a.sub_programme, a.amount, a.ward_code
                from budget_allocation a join budget_milestone m on m.id = a.milestone_id
                where m.county_code = ? and m.fiscal_year = ? and m.code = ?
                order by a.programme, a.sub_programme, a.id
                """)
            .params(countyCode, year.startYear(), code)
            .query(
                (rs, n) ->
                    new Allocation(
                        rs.getString("programme"),
                        rs.getString("sub_programme"),
                        rs.getBigDecimal("amount"),
                        rs.getString("ward_code"),
                        null))
            .list();
    if (rows.stream().anyMatch(a -> a.wardCode() != null)) {
      geography
          .wards(countyCode, new PageRequest(0, PageRequest.MAX_SIZE))
          .items()
          .forEach(w -> names.put(w.code(), w.name()));
    }
    return rows.stream()
        .map(
            a ->
                new Allocation(
                    a.programme(),
                    a.subProgramme(),
                    a.amount(),
                    a.wardCode(),
                    a.wardCode() == null ? null : names.get(a.wardCode())))
        .toList();
  }

  /** The document's total per programme, by programme. */
  @Transactional(readOnly = true)
  public List<ProgrammeTotal> totals(String countyCode, FiscalYear year, String code) {
    return jdbc.sql(
            """
            select a.programme, sum(a.amount) amount
            from budget_allocation a join budget_milestone m on m.id = a.milestone_id
            where m.county_code = ? and m.fiscal_year = ? and m.code = ?
            group by a.programme order by a.programme
            """)
        .params(countyCode, year.startYear(), code)
        .query((rs, n) -> new ProgrammeTotal(rs.getString("programme"), rs.getBigDecimal("amount")))
        .list();
  }

  /**
   * The row's values to insert (programme, sub-programme, amount, ward), errors added to errors.
   */
  private static Object[] check(
      Row row, int[] at, Map<String, String> wards, List<RowError> errors) {
    int before = errors.size();
    String programme = BudgetLines.text(row, at[0], "programme", errors, true);
    BigDecimal amount = BudgetLines.amount(row, at[1], "amount", errors, true);
    String sub = BudgetLines.text(row, at[2], "sub-programme", errors, false);
    String wardText = BudgetLines.cell(row, at[3]);
    String ward = null;
    if (!wardText.isEmpty()) {
      ward = wards.get(wardText.toLowerCase(Locale.ROOT));
      if (ward == null) {
        errors.add(new RowError(row.number(), "ward", "budget.lines.ward-unknown"));
      }
    }
    return errors.size() > before ? null : new Object[] {programme, sub, amount, ward};
  }

  private void insert(
      String countyCode, FiscalYear year, String code, SignedInUser user, List<Object[]> rows) {
    long milestoneId = calendar.lockRow(countyCode, year, code);
    OffsetDateTime now = OffsetDateTime.now(clock);
    batch.batchUpdate(
        "insert into budget_allocation (milestone_id, programme, sub_programme, amount, ward_code,"
            + " entered_by, entered_at) values (?, ?, ?, ?, ?, ?, ?)",
        rows.stream()
            .map(r -> new Object[] {milestoneId, r[0], r[1], r[2], r[3], user.publicId(), now})
            .toList());
  }

  private static String field(String column) {
    return column.equals("sub-programme") ? "subProgramme" : column;
  }

  /** A column by its name as the budget lines read it; "Amount (KES)" also names the amount. */
  private static OptionalInt column(Table table, String name) {
    OptionalInt c = BudgetLines.column(table, name);
    return c.isEmpty() && name.equals("amount") ? BudgetLines.column(table, "amount kes") : c;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
