package ke.baraza.meetings.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Draws a training certificate as a one-page A4 landscape PDF with Apache PDFBox, in the
 * participant's language, with DejaVu Sans embedded (subset) so that any Latin text, Kiswahili's
 * included, prints as typed.
 */
@Component
public class CertificatePdf {

  private static final float MARGIN = 60;

  private final MessageSource messages;
  private final GeographyApi geography;
  private final String baseUrl;

  CertificatePdf(
      MessageSource messages,
      GeographyApi geography,
      @Value("${baraza.base-url:http://localhost:8080}") String baseUrl) {
    this.messages = messages;
    this.geography = geography;
    this.baseUrl = baseUrl;
  }

  /**
   * The certificate as PDF bytes, in its {@link Certificate#language()} ("sw", else English).
   *
   * @throws UncheckedIOException if the embedded font cannot be read (a broken build)
   */
  public byte[] render(Certificate c) {
    Locale locale = "sw".equals(c.language()) ? Locale.forLanguageTag("sw") : Locale.ENGLISH;
    String county = geography.county(c.countyCode()).map(County::name).orElse(c.countyCode());
    String topic = c.topicText() != null ? c.topicText() : t(c.topic().messageKey(), locale);
    try (PDDocument doc = new PDDocument()) {
      PDRectangle a4 = PDRectangle.A4;
      PDPage page = new PDPage(new PDRectangle(a4.getHeight(), a4.getWidth()));
      doc.addPage(page);
      PDFont regular = font(doc, "/fonts/DejaVuSans.ttf");
      PDFont bold = font(doc, "/fonts/DejaVuSans-Bold.ttf");
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(t("certificate.pdf.heading", locale) + " · " + c.name());
      info.setCreator("Baraza");
      float width = page.getMediaBox().getWidth();
      float y = page.getMediaBox().getHeight() - 120;
      try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
        out.setLineWidth(2);
        out.addRect(30, 30, width - 60, page.getMediaBox().getHeight() - 60);
        out.stroke();
        y = centred(out, bold, 28, t("certificate.pdf.heading", locale), width, y) - 24;
        y = centred(out, regular, 14, t("certificate.pdf.certifies", locale), width, y) - 14;
        y = centred(out, bold, 24, c.name(), width, y) - 8;
        y = centred(out, regular, 14, t("certificate.pdf.took-part", locale), width, y) - 8;
        y = centred(out, bold, 18, c.trainingTitle(), width, y) - 16;
        y = centred(out, regular, 13, t("certificate.pdf.topic", locale, topic), width, y);
        String date = TrainingService.date(c.heldOn(), locale);
        y = centred(out, regular, 13, t("certificate.pdf.when", locale, date, county), width, y);
        y =
            centred(
                    out,
                    regular,
                    13,
                    t("certificate.pdf.organiser", locale, c.organiserName()),
                    width,
                    y)
                - 30;
        y = centred(out, bold, 12, t("certificate.pdf.code", locale, c.code()), width, y);
        centred(
            out,
            regular,
            11,
            t("certificate.pdf.verify", locale, baseUrl + "/certificates/" + c.code()),
            width,
            y);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String t(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static PDFont font(PDDocument doc, String resource) throws IOException {
    try (InputStream in = CertificatePdf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing font " + resource);
      }
      return PDType0Font.load(doc, in);
    }
  }

  /** Writes text centred on the page, wrapped to its width; returns the next line's baseline. */
  private static float centred(
      PDPageContentStream out, PDFont font, float size, String text, float width, float y)
      throws IOException {
    float leading = size * 1.35f;
    for (String line : wrap(font, size, printable(font, text), width - 2 * MARGIN)) {
      float w = font.getStringWidth(line) / 1000 * size;
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset((width - w) / 2, y);
      out.showText(line);
      out.endText();
      y -= leading;
    }
    return y;
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

  /** The text with characters the font cannot draw (an emoji, say) replaced by "?". */
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
