package ke.baraza.plans.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The progress report of a whole plan, from its public dashboard: as an A4 PDF (PDFBox, DejaVu Sans
 * embedded so that any Latin text prints) and as table rows for CSV/XLSX, in the reader's language.
 */
@Component
public class PlanReport {

  private static final float MARGIN = 50;

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
   * @throws UncheckedIOException if the embedded font cannot be read (a broken build)
   */
  public byte[] pdf(Dashboard d, Locale locale) {
    String county =
        geography.county(d.plan().countyCode()).map(County::name).orElse(d.plan().countyCode());
    try (PDDocument doc = new PDDocument()) {
      Pages out =
          new Pages(
              doc, font(doc, "/fonts/DejaVuSans.ttf"), font(doc, "/fonts/DejaVuSans-Bold.ttf"));
      doc.getDocumentInformation().setTitle(d.plan().title());
      doc.getDocumentInformation().setCreator("Baraza");
      out.line(true, 16, d.plan().title());
      out.line(
          false,
          11,
          t(
              "plan.pdf.subtitle",
              locale,
              t(d.plan().kind().messageKey(), locale),
              county,
              d.plan().startsOn().toString(),
              d.plan().endsOn().toString()));
      out.gap();
      out.line(true, 13, t("plan.dashboard.areas", locale));
      for (AreaLine a : d.areas()) {
        out.line(false, 11, t("plan.pdf.area", locale, a.area(), a.commitments(), a.percent()));
      }
      out.gap();
      out.line(true, 13, t("plan.dashboard.commitments", locale));
      for (CommitmentLine c : d.commitments()) {
        out.line(true, 11, c.title());
        out.line(
            false,
            10,
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
            out.line(
                false,
                10,
                t(
                    "plan.pdf.indicator",
                    locale,
                    i.name(),
                    plain(i.baseline()),
                    plain(i.target()),
                    i.unit(),
                    latest == null ? "—" : plain(latest.amount()) + " (" + latest.period() + ")"));
          }
        }
      }
      out.gap();
      out.line(true, 13, t("plan.dashboard.overdue", locale));
      if (d.overdue().isEmpty()) {
        out.line(false, 10, t("plan.dashboard.overdue.none", locale));
      }
      for (MilestoneLine m : d.overdue()) {
        out.line(false, 10, m.dueOn() + " · " + m.title() + " (" + m.commitmentTitle() + ")");
      }
      out.gap();
      out.line(true, 13, t("plan.dashboard.reports", locale));
      if (d.latestReports().isEmpty()) {
        out.line(false, 10, t("plan.dashboard.reports.none", locale));
      }
      for (ReportLine r : d.latestReports()) {
        out.line(true, 10, r.period() + " · " + r.commitmentTitle());
        out.line(false, 10, r.activities());
      }
      out.close();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A number as people write it: no trailing zeros, no exponent; "" for null. */
  public static String plain(BigDecimal n) {
    return n == null ? "" : n.stripTrailingZeros().toPlainString();
  }

  private String t(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static PDFont font(PDDocument doc, String resource) throws IOException {
    try (InputStream in = PlanReport.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing font " + resource);
      }
      return PDType0Font.load(doc, in);
    }
  }

  /** Writes wrapped lines down A4 pages, starting a new page when one is full. */
  private static final class Pages {
    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private PDPageContentStream out;
    private float y;

    Pages(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
      this.doc = doc;
      this.regular = regular;
      this.bold = bold;
      page();
    }

    private void page() throws IOException {
      if (out != null) {
        out.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      out = new PDPageContentStream(doc, page);
      y = page.getMediaBox().getHeight() - MARGIN;
    }

    void gap() {
      y -= 8;
    }

    void line(boolean strong, float size, String text) throws IOException {
      PDFont font = strong ? bold : regular;
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
      for (String line : wrap(font, size, printable(font, text == null ? "" : text), width)) {
        if (y < MARGIN + size) {
          page();
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(MARGIN, y);
        out.showText(line);
        out.endText();
        y -= size * 1.4f;
      }
    }

    void close() throws IOException {
      out.close();
    }
  }

  private static List<String> wrap(PDFont font, float size, String text, float max)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String next = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && font.getStringWidth(next) / 1000 * size > max) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(next);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  /** The text with characters the font cannot draw replaced by "?", line breaks by spaces. */
  private static String printable(PDFont font, String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              String s = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
              try {
                font.encode(s);
                out.append(s);
              } catch (IOException | IllegalArgumentException missing) {
                out.append('?');
              }
            });
    return out.toString();
  }
}
