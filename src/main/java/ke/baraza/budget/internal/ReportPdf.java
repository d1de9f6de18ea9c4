package ke.baraza.budget.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import ke.baraza.budget.internal.Consideration.Figure;
import ke.baraza.budget.internal.Consideration.Figures;
import ke.baraza.budget.internal.Consideration.Issue;
import ke.baraza.budget.internal.Consideration.ViewRow;
import ke.baraza.budget.internal.Participation.Window;
import ke.baraza.directory.Demographics.AgeBand;
import ke.baraza.directory.Demographics.Gender;
import ke.baraza.platform.FlowingPdf;
import ke.baraza.platform.UserError;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published "views considered" report as a printable PDF: the document, county and fiscal year;
 * the figures (share adopted, by ward, channel, gender and age band); then each issue with the
 * county's response, its reason, where it landed and its views. A view shows its text, channel,
 * ward and reference only: never a contact, an organisation's file or a submitter's demographics.
 */
@Component
public class ReportPdf {

  private final Consideration consideration;
  private final MessageSource messages;

  ReportPdf(Consideration consideration, MessageSource messages) {
    this.consideration = consideration;
    this.messages = messages;
  }

  /**
   * The report of a window whose report is published, in {@code locale} (English or Kiswahili).
   *
   * @param countyName the county's name, for the title
   * @throws UserError 404 when the window's report is not published
   */
  @Transactional(readOnly = true)
  public byte[] pdf(Window window, String countyName, Locale locale) {
    if (!window.reportPublished()) {
      throw UserError.notFound("budget.report.unpublished");
    }
    Function<String, String> t = key -> messages.getMessage(key, null, locale);
    List<ViewRow> views = consideration.views(window);
    Figures figures =
        consideration.figures(
            views,
            consideration.demographics(window, "gender"),
            consideration.demographics(window, "age_band"));
    String document = t.apply(window.milestoneKey());
    String title =
        t.apply("budget.report.title")
            + " · "
            + document
            + " "
            + window.year().label()
            + " · "
            + countyName;
    FlowingPdf pdf =
        FlowingPdf.a4(title)
            .heading(t.apply("budget.report.title"))
            .field(t.apply("budget.data.pdf.document"), document)
            .field(t.apply("budget.data.pdf.county"), countyName)
            .field(t.apply("budget.data.pdf.fiscal-year"), window.year().label())
            .paragraph(
                messages.getMessage(
                    "budget.report.share",
                    new Object[] {
                      figures.views(), figures.shareAdopted(), figures.shareAdoptedAtLeastPartly()
                    },
                    locale))
            .subheading(t.apply("budget.report.figures"));
    pdf.field(t.apply("budget.report.by-ward"), lines(figures.byWard(), f -> f.label(), locale));
    pdf.field(
        t.apply("budget.report.by-channel"),
        lines(figures.byChannel(), f -> t.apply(f.label()), locale));
    pdf.field(
        t.apply("budget.report.by-gender"),
        counts(figures.byGender(), f -> t.apply(Gender.valueOf(f.label()).messageKey()), locale));
    pdf.field(
        t.apply("budget.report.by-age"),
        counts(figures.byAgeBand(), f -> t.apply(AgeBand.valueOf(f.label()).messageKey()), locale));
    pdf.paragraph(t.apply("budget.data.pdf.privacy"));

    Map<String, StringBuilder> viewsByIssue = new LinkedHashMap<>();
    for (ViewRow v : views) {
      viewsByIssue
          .computeIfAbsent(v.issue(), k -> new StringBuilder())
          .append(
              messages.getMessage(
                  "budget.data.pdf.view",
                  new Object[] {
                    v.publicId(),
                    v.receivedOn().toString(),
                    t.apply(v.channel().messageKey()),
                    v.wardName().isEmpty() ? "—" : v.wardName()
                  },
                  locale))
          .append('\n')
          .append(v.body())
          .append("\n\n");
    }
    pdf.subheading(t.apply("budget.issues"));
    for (Issue issue : consideration.issues(window)) {
      pdf.subheading(
          issue.title()
              + " ("
              + messages.getMessage("budget.issue.views", new Object[] {issue.views()}, locale)
              + ")");
      pdf.field(
          t.apply("budget.response"),
          issue.response() == null ? null : t.apply(issue.response().messageKey()));
      pdf.field(t.apply("budget.response.reason"), issue.reason());
      pdf.field(t.apply("budget.response.landed"), issue.landedIn());
      StringBuilder its = viewsByIssue.get(issue.publicId());
      pdf.field(t.apply("budget.views"), its == null ? null : its.toString().strip());
    }
    return pdf.finish();
  }

  private String lines(List<Figure> figures, Function<Figure, String> label, Locale locale) {
    StringBuilder out = new StringBuilder();
    for (Figure f : figures) {
      out.append(
              messages.getMessage(
                  "budget.data.pdf.figure",
                  new Object[] {label.apply(f), f.views(), f.adopted(), f.partly()},
                  locale))
          .append('\n');
    }
    return out.toString().strip();
  }

  private String counts(List<Figure> figures, Function<Figure, String> label, Locale locale) {
    StringBuilder out = new StringBuilder();
    for (Figure f : figures) {
      out.append(
              messages.getMessage(
                  "budget.data.pdf.count", new Object[] {label.apply(f), f.views()}, locale))
          .append('\n');
    }
    return out.toString().strip();
  }
}
