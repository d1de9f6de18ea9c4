package ke.baraza.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A printable A4 document of flowing text (headings, paragraphs, labelled fields), for exports such
 * as a disclosure case file or a plan's progress report. Apache PDFBox with DejaVu Sans embedded as
 * a subset, so that Kiswahili and any Latin text print as typed; a character the font lacks (an
 * emoji) prints as "?". Lines wrap at word boundaries, pages break by themselves and each page
 * carries the title and its number at the foot.
 *
 * <pre>{@code
 * byte[] pdf = FlowingPdf.a4("Case 123").heading("Case 123").field("Status", "Closed").finish();
 * }</pre>
 *
 * <p>Not thread-safe; one instance per document. {@link #finish} closes it.
 */
public final class FlowingPdf {

  private static final float MARGIN = 56;
  private static final float BODY = 10.5f;

  private final PDDocument document = new PDDocument();
  private final PDFont regular;
  private final PDFont bold;
  private final String title;
  private PDPageContentStream out;
  private float y;
  private int pages;

  private FlowingPdf(String title) {
    this.title = title;
    try {
      regular = font("/fonts/DejaVuSans.ttf");
      bold = font("/fonts/DejaVuSans-Bold.ttf");
      document.getDocumentInformation().setTitle(title);
      document.getDocumentInformation().setCreator("Baraza");
      newPage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new A4 portrait document.
   *
   * @param title the document's title, in its properties and at the foot of every page; not null
   * @throws UncheckedIOException if the embedded fonts cannot be read (a broken build)
   */
  public static FlowingPdf a4(String title) {
    return new FlowingPdf(title);
  }

  /** A large bold heading, with space above it. */
  public FlowingPdf heading(String text) {
    return block(bold, 16, text, 10, 0);
  }

  /** A smaller bold heading, kept with at least two lines of what follows. */
  public FlowingPdf subheading(String text) {
    space(BODY * 4);
    return block(bold, 12.5f, text, 8, 0);
  }

  /** A paragraph of body text; line breaks in it are kept. Null or blank prints nothing. */
  public FlowingPdf paragraph(String text) {
    return text == null || text.isBlank() ? this : block(regular, BODY, text, 4, 0);
  }

  /** A bold label on its own line and the value indented below it; a blank value prints "—". */
  public FlowingPdf field(String label, String value) {
    space(BODY * 3);
    block(bold, BODY, label, 1, 0);
    return block(regular, BODY, value == null || value.isBlank() ? "—" : value, 5, 12);
  }

  /**
   * The document's bytes; the instance is closed after.
   *
   * @throws UncheckedIOException if PDFBox cannot write it
   */
  public byte[] finish() {
    try (document) {
      footer();
      out.close();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FlowingPdf block(PDFont font, float size, String text, float after, float indent) {
    try {
      float leading = size * 1.4f;
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
      for (String paragraph : printable(font, text).split("\n", -1)) {
        for (String line : wrap(font, size, paragraph, width)) {
          space(leading);
          y -= leading;
          out.beginText();
          out.setFont(font, size);
          out.newLineAtOffset(MARGIN + indent, y);
          out.showText(line);
          out.endText();
        }
      }
      y -= after;
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a new page unless {@code needed} points still fit above the foot. */
  private void space(float needed) {
    if (y - needed < MARGIN + 20) {
      try {
        footer();
        out.close();
        newPage();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void newPage() throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    out = new PDPageContentStream(document, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
    pages++;
  }

  private void footer() throws IOException {
    out.beginText();
    out.setFont(regular, 8);
    out.newLineAtOffset(MARGIN, MARGIN - 20);
    out.showText(printable(regular, title.replace('\n', ' ')) + " · " + pages);
    out.endText();
  }

  private PDFont font(String resource) throws IOException {
    try (InputStream in = FlowingPdf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing font " + resource);
      }
      return PDType0Font.load(document, in);
    }
  }

  /** Splits a paragraph into lines no wider than {@code max}; a word too long is cut. */
  private static List<String> wrap(PDFont font, float size, String text, float max)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      while (width(font, size, word) > max && word.length() > 1) {
        int cut = word.length() - 1;
        while (cut > 1 && width(font, size, word.substring(0, cut)) > max) {
          cut--;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        lines.add(word.substring(0, cut));
        word = word.substring(cut);
      }
      String next = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && width(font, size, next) > max) {
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

  private static float width(PDFont font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** Tabs and other control characters become spaces (line breaks stay); missing glyphs "?". */
  private static String printable(PDFont font, String text) {
    StringBuilder out = new StringBuilder();
    String source = text == null ? "" : text.replace("\r\n", "\n");
    source
        .codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                out.append('\n');
                return;
              }
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
