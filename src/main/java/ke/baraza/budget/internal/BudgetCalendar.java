package ke.baraza.budget.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.budget.DocumentStatus;
import ke.baraza.budget.FiscalYear;
import ke.baraza.budget.Milestone;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A county's budget calendar: the statutory milestones of a fiscal year, built from the defaults in
 * {@code budget_milestone_default} and the county's corrections, and the status of each milestone's
 * document. One query per calendar, whatever its length.
 */
@Service
public class BudgetCalendar {

  /** Budget dates are Kenyan dates. */
  public static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

  private final JdbcClient jdbc;
  private final BudgetPermissions permissions;
  private final AuditLog audit;
  private final Clock clock;

  BudgetCalendar(JdbcClient jdbc, BudgetPermissions permissions, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.permissions = permissions;
    this.audit = audit;
    this.clock = clock;
  }

  /** Today in Kenya. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(NAIROBI));
  }

  /**
   * The milestones of a county's fiscal year, by due date.
   *
   * @param countyCode a known county code (not checked here)
   * @return every milestone the law sets for that year, never empty
   */
  @Transactional(readOnly = true)
  public List<Milestone> milestones(String countyCode, FiscalYear year) {
    LocalDate today = today();
    return jdbc
        .sql(
            """
            select d.code, d.due_month, d.due_day, d.year_offset, d.legal_reference default_ref,
                   d.met_at, m.due_date, m.legal_reference, m.status, m.met_on, m.published_on,
                   w.public_id window_id
            from budget_milestone_default d
            left join budget_milestone m
              on m.code = d.code and m.county_code = :county and m.fiscal_year = :year
            left join budget_window w on w.milestone_id = m.id
            where :year >= d.first_fiscal_year and mod(:year - d.first_fiscal_year, d.every_years) = 0
            order by d.seq
            """)
        .param("county", countyCode)
        .param("year", year.startYear())
        .query(
            (rs, n) -> {
              LocalDate statutory =
                  statutory(
                      year, rs.getInt("year_offset"), rs.getInt("due_month"), rs.getInt("due_day"));
              LocalDate due = date(rs.getObject("due_date", LocalDate.class), statutory);
              String status = rs.getString("status");
              DocumentStatus s = status == null ? null : DocumentStatus.valueOf(status);
              LocalDate met = rs.getObject("met_on", LocalDate.class);
              String ref = rs.getString("legal_reference");
              return new Milestone(
                  rs.getString("code"),
                  statutory,
                  due,
                  ref == null ? rs.getString("default_ref") : ref,
                  s,
                  met,
                  rs.getObject("published_on", LocalDate.class),
                  met != null ? met.isAfter(due) : today.isAfter(due),
                  today.isAfter(due) && s != DocumentStatus.PUBLISHED,
                  rs.getString("window_id"));
            })
        .list()
        .stream()
        .sorted(Comparator.comparing(Milestone::dueDate))
        .toList();
  }

  /**
   * One milestone of a county's fiscal year.
   *
   * @throws UserError 404 when the law sets no milestone {@code code} for that year
   */
  @Transactional(readOnly = true)
  public Milestone milestone(String countyCode, FiscalYear year, String code) {
    return milestones(countyCode, year).stream()
        .filter(m -> m.code().equals(code))
        .findFirst()
        .orElseThrow(() -> UserError.notFound("budget.milestone.unknown"));
  }

  /** The corrections of a milestone's date, oldest first: when, from, to, why, on what law. */
  @Transactional(readOnly = true)
  public List<DateChange> dateChanges(String countyCode, FiscalYear year, String code) {
    return jdbc.sql(
            """
            select c.old_date, c.new_date, c.reason, c.legal_reference, c.changed_at
            from budget_date_change c join budget_milestone m on m.id = c.milestone_id
            where m.county_code = ? and m.fiscal_year = ? and m.code = ?
            order by c.id
            """)
        .params(countyCode, year.startYear(), code)
        .query(
            (rs, n) ->
                new DateChange(
                    rs.getObject("old_date", LocalDate.class),
                    rs.getObject("new_date", LocalDate.class),
                    rs.getString("reason"),
                    rs.getString("legal_reference"),
                    rs.getObject("changed_at", java.time.OffsetDateTime.class).toInstant()))
        .list();
  }

  /** One correction of a milestone's date; all of it is public. */
  public record DateChange(
      LocalDate from, LocalDate to, String reason, String legalReference, Instant at) {}

  /**
   * Corrects a milestone's date: county staff only, with a reason and the legal reference it rests
   * on; the change is kept with both and audited.
   *
   * @param date the new date, {@code yyyy-MM-dd}
   * @throws UserError 403 for anyone but the county's staff, 404 for an unknown milestone
   * @throws InvalidInput 400 naming each missing or malformed field; nothing is changed then
   */
  @Transactional
  public Milestone moveDate(String countyCode, FiscalYear year, String code, MoveDate form) {
    SignedInUser user = permissions.requireCountyStaff(countyCode);
    Milestone current = milestone(countyCode, year, code);
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate date = null;
    try {
      date = LocalDate.parse(form.date() == null ? "" : form.date().strip());
      if (date.isBefore(year.firstDay().minusYears(2))
          || date.isAfter(year.lastDay().plusYears(2))) {
        errors.put("date", "budget.date.out-of-range");
      } else if (date.equals(current.dueDate())) {
        errors.put("date", "budget.date.unchanged");
      }
    } catch (DateTimeParseException e) {
      errors.put("date", "budget.date.invalid");
    }
    String reason = strip(form.reason());
    String reference = strip(form.legalReference());
    if (reason.isEmpty()) {
      errors.put("reason", "budget.date.reason-required");
    } else if (reason.length() > 1000) {
      errors.put("reason", "budget.text.too-long");
    }
    if (reference.isEmpty()) {
      errors.put("legalReference", "budget.date.legal-reference-required");
    } else if (reference.length() > 300) {
      errors.put("legalReference", "budget.text.too-long");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    long id = lockRow(countyCode, year, code);
    jdbc.sql(
            "insert into budget_date_change (milestone_id, old_date, new_date, reason,"
                + " legal_reference, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(id, current.dueDate(), date, reason, reference, user.publicId(), now())
        .update();
    jdbc.sql(
            "update budget_milestone set due_date = ?, legal_reference = ?, updated_at = ?,"
                + " version = version + 1 where id = ?")
        .params(date, reference, now(), id)
        .update();
    audit.record(user.publicId(), "budget:date-moved", target(countyCode, year, code), countyCode);
    return milestone(countyCode, year, code);
  }

  /** The form of a corrected date; every field as typed. */
  public record MoveDate(String date, String reason, String legalReference) {
    public static MoveDate blank() {
      return new MoveDate("", "", "");
    }
  }

  /**
   * Moves a milestone's document forward to {@code status} (any later status; never back). The
   * milestone is met on the day its document reaches the status the defaults name; published on the
   * day it is published.
   *
   * @throws UserError 403 for anyone but the county's staff, 400 for an unknown status or one that
   *     is not after the current one
   */
  @Transactional
  public void advance(String countyCode, FiscalYear year, String code, String status) {
    SignedInUser user = permissions.requireCountyStaff(countyCode);
    DocumentStatus next = status(status);
    Milestone current = milestone(countyCode, year, code);
    if (current.status() != null && next.ordinal() <= current.status().ordinal()) {
      throw UserError.badRequest("budget.status.backwards");
    }
    long id = lockRow(countyCode, year, code);
    DocumentStatus metAt =
        DocumentStatus.valueOf(
            jdbc.sql("select met_at from budget_milestone_default where code = ?")
                .param(code)
                .query(String.class)
                .single());
    LocalDate today = today();
    jdbc.sql(
            """
            update budget_milestone set status = :status,
              met_on = case when met_on is null and :met then :today else met_on end,
              published_on = case when :published then :today else published_on end,
              updated_at = :now, version = version + 1
            where id = :id
            """)
        .param("status", next.name())
        .param("met", next.ordinal() >= metAt.ordinal())
        .param("published", next == DocumentStatus.PUBLISHED)
        .param("today", today)
        .param("now", now())
        .param("id", id)
        .update();
    audit.record(
        user.publicId(),
        "budget:document-" + next.name().toLowerCase(java.util.Locale.ROOT),
        target(countyCode, year, code),
        countyCode);
  }

  static DocumentStatus status(String value) {
    for (DocumentStatus s : DocumentStatus.values()) {
      if (s.name().equals(value == null ? "" : value.strip())) {
        return s;
      }
    }
    throw UserError.badRequest("budget.status.invalid");
  }

  /** The county's row of a milestone, made on first use and locked for this transaction. */
  long lockRow(String countyCode, FiscalYear year, String code) {
    jdbc.sql(
            "insert into budget_milestone (county_code, fiscal_year, code, updated_at, version)"
                + " values (?, ?, ?, ?, 0) on conflict do nothing")
        .params(countyCode, year.startYear(), code, now())
        .update();
    return jdbc.sql(
            "select id from budget_milestone where county_code = ? and fiscal_year = ? and code = ?"
                + " for update")
        .params(countyCode, year.startYear(), code)
        .query(Long.class)
        .single();
  }

  static String target(String countyCode, FiscalYear year, String code) {
    return countyCode + "/" + year.label() + "/" + code;
  }

  private java.time.OffsetDateTime now() {
    return java.time.OffsetDateTime.now(clock);
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  private static LocalDate date(LocalDate value, LocalDate fallback) {
    return value == null ? fallback : value;
  }

  private static LocalDate statutory(FiscalYear year, int offset, int month, int day) {
    java.time.YearMonth ym = java.time.YearMonth.of(year.startYear() + offset, month);
    return ym.atDay(Math.min(day, ym.lengthOfMonth()));
  }
}
