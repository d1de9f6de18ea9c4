package ke.baraza.budget.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ke.baraza.budget.Response;
import ke.baraza.budget.ViewChannel;
import ke.baraza.budget.internal.Participation.Window;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.Notifier;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "views considered" report: officers group a window's views into issues and answer each issue
 * (adopted, partly adopted, not adopted, with the reason and where it landed); publishing the
 * report makes it public, without any personal data, and tells every submitter with a contact, in
 * their language, how their view was considered.
 */
@Service
public class Consideration {

  private final JdbcClient jdbc;
  private final Participation participation;
  private final BudgetPermissions permissions;
  private final GeographyApi geography;
  private final Notifier notifier;
  private final MessageSource messages;
  private final AuditLog audit;
  private final Clock clock;
  private final String baseUrl;

  Consideration(
      JdbcClient jdbc,
      Participation participation,
      BudgetPermissions permissions,
      GeographyApi geography,
      Notifier notifier,
      MessageSource messages,
      AuditLog audit,
      Clock clock,
      @Value("${baraza.base-url:http://localhost:8080}") String baseUrl) {
    this.jdbc = jdbc;
    this.participation = participation;
    this.permissions = permissions;
    this.geography = geography;
    this.notifier = notifier;
    this.messages = messages;
    this.audit = audit;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /**
   * One view as the report shows it: no contact, no demographics, no organisation's file.
   *
   * @param issue the public id of its issue, or {@code null} while ungrouped
   * @param response the county's response, or {@code null} while unanswered
   */
  public record ViewRow(
      String publicId,
      LocalDate receivedOn,
      ViewChannel channel,
      String wardCode,
      String wardName,
      String programme,
      String body,
      String organisation,
      boolean hasFile,
      String issue,
      String issueTitle,
      Response response,
      String reason,
      String landedIn) {}

  /** An issue with the number of its views. */
  public record Issue(
      String publicId,
      String title,
      Response response,
      String reason,
      String landedIn,
      int views) {}

  /** A count of views and of those adopted (wholly or partly) under one label. */
  public record Figure(String label, int views, int adopted, int partly) {}

  /** The report's figures: by ward, channel, gender and age band; totals and share adopted. */
  public record Figures(
      List<Figure> byWard,
      List<Figure> byChannel,
      List<Figure> byGender,
      List<Figure> byAgeBand,
      int views,
      int adopted,
      int partly) {

    /** Views adopted wholly, in percent of all views (0 when there are none). */
    public int shareAdopted() {
      return views == 0 ? 0 : Math.round(100f * adopted / views);
    }

    /** Views adopted wholly or partly, in percent of all views. */
    public int shareAdoptedAtLeastPartly() {
      return views == 0 ? 0 : Math.round(100f * (adopted + partly) / views);
    }
  }

  /** The officer's answer to an issue. */
  public record Answer(String response, String reason, String landedIn) {}

  /**
   * Every view of a window, oldest first, for the officers' grouping or the published report (two
   * queries: the views, their wards' names).
   *
   * @throws UserError 403 when the report is not published and the caller is not the county's staff
   */
  @Transactional(readOnly = true)
  public List<ViewRow> views(Window window) {
    requireReadable(window);
    List<ViewRow> rows =
        jdbc.sql(
                """
                select v.public_id, v.created_at, v.channel, v.ward_code, p.name programme,
                       v.body, v.organisation, v.file_ref, i.public_id issue, i.title,
                       i.response, i.reason, i.landed_in
                from budget_view v
                left join budget_programme p on p.id = v.programme_id
                left join budget_issue i on i.id = v.issue_id
                where v.window_id = ?
                order by v.id
                """)
            .param(window.id())
            .query(
                (rs, n) ->
                    new ViewRow(
                        rs.getString("public_id"),
                        rs.getObject("created_at", OffsetDateTime.class)
                            .atZoneSameInstant(BudgetCalendar.NAIROBI)
                            .toLocalDate(),
                        ViewChannel.valueOf(rs.getString("channel")),
                        rs.getString("ward_code"),
                        null,
                        rs.getString("programme"),
                        rs.getString("body"),
                        rs.getString("organisation"),
                        rs.getString("file_ref") != null,
                        rs.getString("issue"),
                        rs.getString("title"),
                        response(rs.getString("response")),
                        rs.getString("reason"),
                        rs.getString("landed_in")))
            .list();
    Map<String, Ward> wards =
        geography.wards(rows.stream().map(ViewRow::wardCode).filter(c -> c != null).toList());
    return rows.stream()
        .map(
            v ->
                new ViewRow(
                    v.publicId(),
                    v.receivedOn(),
                    v.channel(),
                    v.wardCode(),
                    v.wardCode() != null && wards.containsKey(v.wardCode())
                        ? wards.get(v.wardCode()).name()
                        : "",
                    v.programme(),
                    v.body(),
                    v.organisation(),
                    v.hasFile(),
                    v.issue(),
                    v.issueTitle(),
                    v.response(),
                    v.reason(),
                    v.landedIn()))
        .toList();
  }

  /** The window's issues with the number of their views, in the order they were made. */
  @Transactional(readOnly = true)
  public List<Issue> issues(Window window) {
    requireReadable(window);
    return jdbc.sql(
            """
            select i.public_id, i.title, i.response, i.reason, i.landed_in,
                   (select count(*) from budget_view v where v.issue_id = i.id) views
            from budget_issue i where i.window_id = ? order by i.id
            """)
        .param(window.id())
        .query(
            (rs, n) ->
                new Issue(
                    rs.getString("public_id"),
                    rs.getString("title"),
                    response(rs.getString("response")),
                    rs.getString("reason"),
                    rs.getString("landed_in"),
                    rs.getInt("views")))
        .list();
  }

  /**
   * Adds an issue to group views under.
   *
   * @throws UserError 403 for anyone but the county's staff; 400 without a title; 409 once the
   *     report is published
   */
  @Transactional
  public String addIssue(String windowId, String title) {
    Window window = participation.window(windowId);
    SignedInUser user = staffBeforePublication(window);
    String t = Participation.blankToNull(title);
    if (t == null || t.length() > 300) {
      throw UserError.badRequest("budget.issue.title-required");
    }
    String publicId = PublicId.next();
    jdbc.sql("insert into budget_issue (public_id, window_id, title) values (?, ?, ?)")
        .params(publicId, window.id(), t)
        .update();
    audit.record(user.publicId(), "budget:issue-added", publicId, window.countyCode());
    return publicId;
  }

  /**
   * Puts views under an issue (or takes them out, with a blank issue).
   *
   * @throws UserError 403 for anyone but the county's staff; 400 for an unknown issue or a view not
   *     of this window, with nothing changed; 409 once the report is published
   */
  @Transactional
  public void group(String windowId, String issueId, List<String> viewIds) {
    Window window = participation.window(windowId);
    SignedInUser user = staffBeforePublication(window);
    Long issue = null;
    if (Participation.blankToNull(issueId) != null) {
      issue =
          jdbc.sql("select id from budget_issue where public_id = ? and window_id = ?")
              .params(issueId.strip(), window.id())
              .query(Long.class)
              .optional()
              .orElseThrow(() -> UserError.badRequest("budget.issue.unknown"));
    }
    if (viewIds == null || viewIds.isEmpty()) {
      throw UserError.badRequest("budget.issue.no-views");
    }
    int changed =
        jdbc.sql(
                "update budget_view set issue_id = :issue where window_id = :window and public_id in (:ids)")
            .param("issue", issue)
            .param("window", window.id())
            .param("ids", viewIds)
            .update();
    if (changed != viewIds.stream().distinct().count()) {
      throw UserError.badRequest("budget.view.unknown");
    }
    audit.record(user.publicId(), "budget:views-grouped", windowId, window.countyCode());
  }

  /**
   * Records the county's response to an issue: a reason always, and where it landed for an adopted
   * or partly adopted one.
   *
   * @throws UserError 403 for anyone but the county's staff; 400 for an unknown issue or response,
   *     a missing reason or place; 409 once the report is published
   */
  @Transactional
  public void answer(String windowId, String issueId, Answer answer) {
    Window window = participation.window(windowId);
    SignedInUser user = staffBeforePublication(window);
    Response response;
    try {
      response = Response.valueOf(answer.response() == null ? "" : answer.response().strip());
    } catch (IllegalArgumentException e) {
      throw UserError.badRequest("budget.response.invalid");
    }
    String reason = Participation.blankToNull(answer.reason());
    if (reason == null || reason.length() > 2000) {
      throw UserError.badRequest("budget.response.reason-required");
    }
    String landed = Participation.blankToNull(answer.landedIn());
    if (response != Response.NOT_ADOPTED && landed == null) {
      throw UserError.badRequest("budget.response.landed-required");
    }
    if (landed != null && landed.length() > 300) {
      throw UserError.badRequest("budget.text.too-long");
    }
    int changed =
        jdbc.sql(
                "update budget_issue set response = ?, reason = ?, landed_in = ?, answered_by = ?,"
                    + " answered_at = ? where public_id = ? and window_id = ?")
            .params(
                response.name(),
                reason,
                landed,
                user.publicId(),
                OffsetDateTime.now(clock),
                issueId,
                window.id())
            .update();
    if (changed == 0) {
      throw UserError.badRequest("budget.issue.unknown");
    }
    audit.record(user.publicId(), "budget:issue-answered", issueId, window.countyCode());
  }

  /**
   * Publishes the report once every view is under an answered issue, and tells each submitter with
   * a contact how their view was considered (once: a view notified is not notified again).
   *
   * @throws UserError 403 for anyone but the county's staff; 409 when views are still unanswered
   *     (their number in the message) or the report is already published
   */
  @Transactional
  public void publish(String windowId) {
    Window window = participation.window(windowId);
    SignedInUser user = staffBeforePublication(window);
    int unanswered =
        jdbc.sql(
                "select count(*) from budget_view v left join budget_issue i on i.id = v.issue_id"
                    + " where v.window_id = ? and i.response is null")
            .param(window.id())
            .query(Integer.class)
            .single();
    if (unanswered > 0) {
      throw UserError.conflict("budget.report.unanswered", unanswered);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("update budget_window set report_published_at = ? where id = ?")
        .params(now, window.id())
        .update();
    record Contact(String publicId, String contact, String language, String response) {}
    List<Contact> contacts =
        jdbc.sql(
                """
                select v.public_id, v.contact, v.language, i.response
                from budget_view v join budget_issue i on i.id = v.issue_id
                where v.window_id = ? and v.contact is not null and v.notified_at is null
                """)
            .param(window.id())
            .query(Contact.class)
            .list();
    for (Contact c : contacts) {
      Locale locale = "sw".equals(c.language()) ? Locale.forLanguageTag("sw") : Locale.ENGLISH;
      String document = messages.getMessage(window.milestoneKey(), null, locale);
      String response =
          messages.getMessage(Response.valueOf(c.response()).messageKey(), null, locale);
      Object[] args = {document, response, baseUrl + "/budget/views/" + c.publicId()};
      if (c.contact().contains("@")) {
        notifier.email(
            c.contact(),
            messages.getMessage("budget.notice.subject", args, locale),
            messages.getMessage("budget.notice.email", args, locale));
      } else {
        notifier.sms(c.contact(), messages.getMessage("budget.notice.sms", args, locale));
      }
    }
    if (!contacts.isEmpty()) {
      jdbc.sql("update budget_view set notified_at = :now where public_id in (:ids)")
          .param("now", now)
          .param("ids", contacts.stream().map(Contact::publicId).toList())
          .update();
    }
    audit.record(user.publicId(), "budget:report-published", windowId, window.countyCode());
  }

  /** The report's figures, counted from the rows already read (no further query). */
  public Figures figures(
      List<ViewRow> rows, Map<String, Integer> genders, Map<String, Integer> ages) {
    Map<String, int[]> wards = new LinkedHashMap<>();
    Map<String, int[]> channels = new LinkedHashMap<>();
    int adopted = 0;
    int partly = 0;
    for (ViewRow v : rows) {
      count(wards, v.wardName().isEmpty() ? "-" : v.wardName(), v.response());
      count(channels, v.channel().messageKey(), v.response());
      adopted += v.response() == Response.ADOPTED ? 1 : 0;
      partly += v.response() == Response.PARTLY_ADOPTED ? 1 : 0;
    }
    return new Figures(
        figures(wards),
        figures(channels),
        plain(genders),
        plain(ages),
        rows.size(),
        adopted,
        partly);
  }

  /**
   * Counts of consented demographics of a window's views, by value ({@code null} values left out):
   * {@code column} is {@code gender} or {@code age_band}. Only ever used as totals.
   */
  @Transactional(readOnly = true)
  public Map<String, Integer> demographics(Window window, String column) {
    if (!column.equals("gender") && !column.equals("age_band")) {
      throw new IllegalArgumentException(column);
    }
    requireReadable(window);
    Map<String, Integer> counts = new LinkedHashMap<>();
    jdbc.sql(
            "select "
                + column
                + " v, count(*) n from budget_view where window_id = ? and "
                + column
                + " is not null group by "
                + column
                + " order by "
                + column)
        .param(window.id())
        .query((rs, n) -> counts.put(rs.getString("v"), rs.getInt("n")))
        .list();
    return counts;
  }

  /**
   * One view as its submitter sees it (they hold its link): the text and, once the report is out,
   * the issue it was grouped under and the county's response. No personal data.
   */
  public record ConsideredView(
      String publicId,
      String windowId,
      LocalDate receivedOn,
      ViewChannel channel,
      String body,
      String issueTitle,
      Response response,
      String reason,
      String landedIn) {}

  /**
   * How one view was considered.
   *
   * @throws UserError 404 for an unknown view
   */
  @Transactional(readOnly = true)
  public ConsideredView view(String publicId) {
    return jdbc.sql(
            """
            select v.public_id, w.public_id window_id, w.report_published_at, v.created_at,
                   v.channel, v.body, i.response, i.reason, i.landed_in, i.title
            from budget_view v join budget_window w on w.id = v.window_id
            left join budget_issue i on i.id = v.issue_id
            where v.public_id = ?
            """)
        .param(publicId == null ? "" : publicId)
        .query(
            (rs, n) -> {
              boolean out = rs.getObject("report_published_at") != null;
              return new ConsideredView(
                  rs.getString("public_id"),
                  rs.getString("window_id"),
                  rs.getObject("created_at", OffsetDateTime.class)
                      .atZoneSameInstant(BudgetCalendar.NAIROBI)
                      .toLocalDate(),
                  ViewChannel.valueOf(rs.getString("channel")),
                  rs.getString("body"),
                  out ? rs.getString("title") : null,
                  out ? response(rs.getString("response")) : null,
                  out ? rs.getString("reason") : null,
                  out ? rs.getString("landed_in") : null);
            })
        .optional()
        .orElseThrow(() -> UserError.notFound("budget.view.unknown"));
  }

  private void requireReadable(Window window) {
    if (!window.reportPublished()) {
      permissions.requireCountyStaff(window.countyCode());
    }
  }

  private SignedInUser staffBeforePublication(Window window) {
    SignedInUser user = permissions.requireCountyStaff(window.countyCode());
    if (window.reportPublished()) {
      throw UserError.conflict("budget.report.already-published");
    }
    return user;
  }

  private static void count(Map<String, int[]> into, String label, Response response) {
    int[] c = into.computeIfAbsent(label, k -> new int[3]);
    c[0]++;
    c[1] += response == Response.ADOPTED ? 1 : 0;
    c[2] += response == Response.PARTLY_ADOPTED ? 1 : 0;
  }

  private static List<Figure> figures(Map<String, int[]> counts) {
    List<Figure> list = new ArrayList<>();
    counts.forEach((k, c) -> list.add(new Figure(k, c[0], c[1], c[2])));
    return list;
  }

  private static List<Figure> plain(Map<String, Integer> counts) {
    List<Figure> list = new ArrayList<>();
    counts.forEach((k, n) -> list.add(new Figure(k, n, 0, 0)));
    return list;
  }

  private static Response response(String value) {
    return value == null ? null : Response.valueOf(value);
  }
}
