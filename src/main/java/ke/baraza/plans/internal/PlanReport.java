package ke.baraza.plans.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.plans.internal.PlanQueries.AreaLine;
import ke.baraza.plans.internal.PlanQueries.CommitmentLine;
import ke.baraza.plans.internal.PlanQueries.Dashboard;
import ke.baraza.plans.internal.PlanQueries.IndicatorLine;
import ke.baraza.plans.internal.PlanQueries.MilestoneLine;
import ke.baraza.plans.internal.PlanQueries.ReportLine;
import ke.baraza.plans.internal.PlanQueries.ValueLine;
import ke.baraza.platform.FlowingPdf;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The progress report of a whole plan, from its public dashboard: as an A4 PDF (PDFBox, DejaVu Sans
 * embedded so that any Latin text prints) and as table rows for CSV/XLSX, in the reader's language.
 */
@Component
public class PlanReport {

  private final MessageSource messages;
  private final GeographyApi geography;

  PlanReport(MessageSource messages, GeographyApi geography) {
    this.messages = messages;
    this.geography = geography;
  }

  /** The header of the table: one row per commitment and indicator. */
  public List<String> header(Locale locale) {
    List<String> header = new ArrayList<>();
    for (String key :
        List.of(
            "plan.table.area",
            "plan.table.commitment",
            "plan.table.lead",
            "plan.table.status",
            "plan.table.completion",
            "plan.table.review-period",
            "plan.table.milestones",
            "plan.table.milestones-done",
            "plan.table.milestones-overdue",
            "plan.table.indicator",
            "plan.table.unit",
            "plan.table.baseline",
            "plan.table.target",
            "plan.table.latest-period",
            "plan.table.latest-value")) {
      header.add(t(key, locale));
    }
    return header;
  }

  /** The rows: each commitment once per indicator (once, indicator cells empty, without any). */
  public List<List<Object>> rows(Dashboard d, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    for (CommitmentLine c : d.commitments()) {
      long overdue =
          d.overdue().stream().filter(m -> m.commitmentId().equals(c.publicId())).count();
      List<Object> common =
          List.of(
              c.area(),
              c.title(),
              c.leadName(),
              t(c.status().messageKey(), locale),
              t(c.completion().messageKey(), locale),
              c.completionPeriod() == null ? "" : c.completionPeriod(),
              c.milestones(),
              c.milestonesDone(),
              (int) overdue);
      List<IndicatorLine> indicators =
          d.indicators().stream().filter(i -> i.commitmentId().equals(c.publicId())).toList();
      if (indicators.isEmpty()) {
        List<Object> row = new ArrayList<>(common);
        for (int i = 0; i < 6; i++) {
          row.add(null);
        }
        rows.add(row);
      }
      for (IndicatorLine i : indicators) {
        List<Object> row = new ArrayList<>(common);
        ValueLine latest = i.totals().isEmpty() ? null : i.totals().getLast();
        row.add(i.name());
        row.add(i.unit());
        row.add(i.baseline());
        row.add(i.target());
        row.add(latest == null ? null : latest.period());
        row.add(latest == null ? null : latest.amount());
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * The plan's progress report as PDF bytes.
   *
   * @throws java.io.UncheckedIOException if the embedded font cannot be read (a broken build)
   */
  public byte[] pdf(Dashboard d, Locale locale) {
    String county =
        geography.county(d.plan().countyCode()).map(County::name).orElse(d.plan().countyCode());
    FlowingPdf out = FlowingPdf.a4(d.plan().title());
    out.heading(d.plan().title())
        .paragraph(
            t(
                "plan.pdf.subtitle",
                locale,
                t(d.plan().kind().messageKey(), locale),
                county,
                d.plan().startsOn().toString(),
                d.plan().endsOn().toString()));
    out.subheading(t("plan.dashboard.areas", locale));
    for (AreaLine a : d.areas()) {
      out.paragraph(t("plan.pdf.area", locale, a.area(), a.commitments(), a.percent()));
    }
    out.subheading(t("plan.dashboard.commitments", locale));
    for (CommitmentLine c : d.commitments()) {
      StringBuilder text =
          new StringBuilder(
              t(
                  "plan.pdf.commitment",
                  locale,
                  c.area(),
                  c.leadName(),
                  t(c.status().messageKey(), locale),
                  t(c.completion().messageKey(), locale),
                  c.milestonesDone(),
                  c.milestones()));
      for (IndicatorLine i : d.indicators()) {
        if (i.commitmentId().equals(c.publicId())) {
          ValueLine latest = i.totals().isEmpty() ? null : i.totals().getLast();
          text.append('\n')
              .append(
                  t(
                      "plan.pdf.indicator",
                      locale,
                      i.name(),
                      plain(i.baseline()),
                      plain(i.target()),
                      i.unit(),
                      latest == null
                          ? "—"
                          : plain(latest.amount()) + " (" + latest.period() + ")"));
        }
      }
      out.field(c.title(), text.toString());
    }
    out.subheading(t("plan.dashboard.overdue", locale));
    if (d.overdue().isEmpty()) {
      out.paragraph(t("plan.dashboard.overdue.none", locale));
    }
    for (MilestoneLine m : d.overdue()) {
      out.paragraph(m.dueOn() + " · " + m.title() + " (" + m.commitmentTitle() + ")");
    }
    out.subheading(t("plan.dashboard.reports", locale));
    if (d.latestReports().isEmpty()) {
      out.paragraph(t("plan.dashboard.reports.none", locale));
    }
    for (ReportLine r : d.latestReports()) {
      out.field(r.period() + " · " + r.commitmentTitle(), r.activities());
    }
    return out.finish();
  }

  /** A number as people write it: no trailing zeros, no exponent; "" for null. */
  public static String plain(BigDecimal n) {
    return n == null ? "" : n.stripTrailingZeros().toPlainString();
  }

  private String t(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
