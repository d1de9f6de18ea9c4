package ke.baraza.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table as CSV or XLSX straight to an output stream (a download, a file), row by row,
 * without building the file in memory: pass a database stream as {@code stream::iterator}.
 *
 * <p>Cells may be {@code null} (empty), a {@link CharSequence}, a {@link Number}, a {@link
 * LocalDate} or a {@link Boolean}; anything else is written as its {@code toString()}. Text is
 * {@linkplain #neutralise neutralised} against formula injection; numbers, dates and booleans are
 * written as such (in XLSX, typed cells; in CSV, plain numbers and ISO dates).
 */
public final class TabularExport {

  /** Excel's limits: rows in a sheet, characters in a cell. */
  private static final int EXCEL_ROWS = 1_048_576;

  private static final int EXCEL_CELL_CHARS = 32_767;

  private static final int FLUSH_EVERY_ROWS = 1_000;
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

  private TabularExport() {}

  /**
   * Writes {@code header} then {@code rows} in {@code format}; {@code out} is flushed, not closed.
   *
   * @throws IOException when {@code out} fails (the reader went away, the disk is full)
   * @throws IllegalArgumentException for XLSX, when there are more rows than a sheet holds or a
   *     text longer than a cell holds
   */
  public static void write(
      TabularFormat format, List<String> header, Iterable<? extends List<?>> rows, OutputStream out)
      throws IOException {
    switch (format) {
      case CSV -> csv(header, rows, out);
      case XLSX -> xlsx(header, rows, out);
    }
  }

  /**
   * RFC 4180 CSV in UTF-8 with a byte order mark (so that Excel shows every letter), comma
   * separated, every cell quoted, CRLF line ends. {@code out} is flushed, not closed.
   */
  public static void csv(List<String> header, Iterable<? extends List<?>> rows, OutputStream out)
      throws IOException {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(rows, "rows");
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writer.write('\uFEFF');
    // Not closed: that would close the caller's stream.
    CSVPrinter printer =
        new CSVPrinter(writer, CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get());
    printer.printRecord(csvCells(header));
    for (List<?> row : rows) {
      printer.printRecord(csvCells(row));
    }
    printer.flush();
  }

  /**
   * One sheet named "Sheet1", the header in bold, text as inline strings (no shared-string table
   * held in memory), rows flushed to {@code out} every thousand. {@code out} is flushed, not
   * closed.
   */
  public static void xlsx(List<String> header, Iterable<? extends List<?>> rows, OutputStream out)
      throws IOException {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(rows, "rows");
    Workbook workbook = new Workbook(out, "Baraza", null);
    Worksheet sheet = workbook.newWorksheet("Sheet1");
    for (int c = 0; c < header.size(); c++) {
      xlsxCell(sheet, 0, c, header.get(c));
      sheet.style(0, c).bold().set();
    }
    int r = 1;
    for (List<?> row : rows) {
      if (r == EXCEL_ROWS) {
        throw new IllegalArgumentException("more rows than an Excel sheet holds");
      }
      for (int c = 0; c < row.size(); c++) {
        xlsxCell(sheet, r, c, row.get(c));
      }
      if (++r % FLUSH_EVERY_ROWS == 0) {
        sheet.flush();
      }
    }
    workbook.finish();
    out.flush();
  }

  /**
   * Text made safe to open in a spreadsheet (OWASP, CSV injection): a text starting with {@code = +
   * - @}, a tab or a carriage return gets a leading single quote, so that Excel, LibreOffice and
   * Google Sheets show it instead of running it as a formula. A text that is only a number ({@code
   * -12.5}, {@code +254712345678}) cannot call anything and is left as it is.
   *
   * @param text any text, or null
   * @return the text, prefixed when needed; null for null
   */
  public static String neutralise(String text) {
    if (text == null || text.isEmpty() || PLAIN_NUMBER.matcher(text).matches()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }

  private static List<String> csvCells(List<?> row) {
    List<String> cells = new ArrayList<>(row.size());
    for (Object value : row) {
      cells.add(
          switch (value) {
            case null -> "";
            case BigDecimal decimal -> decimal.toPlainString();
            case Double d when d % 1 == 0 && Double.isFinite(d) ->
                BigDecimal.valueOf(d).toBigInteger().toString();
            case Number number -> number.toString();
            case LocalDate date -> date.toString();
            case Boolean bool -> bool ? "TRUE" : "FALSE";
            default -> neutralise(value.toString());
          });
    }
    return cells;
  }

  private static void xlsxCell(Worksheet sheet, int r, int c, Object value) {
    switch (value) {
      case null -> {}
      case Double d when !Double.isFinite(d) -> sheet.inlineString(r, c, d.toString());
      case Float f when !Float.isFinite(f) -> sheet.inlineString(r, c, f.toString());
      case Number number -> sheet.value(r, c, number);
      case Boolean bool -> sheet.value(r, c, bool);
      case LocalDate date -> {
        sheet.value(r, c, date);
        sheet.style(r, c).format("yyyy-mm-dd").set();
      }
      default -> {
        String text = neutralise(value.toString());
        if (text.length() > EXCEL_CELL_CHARS) {
          throw new IllegalArgumentException("a text longer than an Excel cell holds");
        }
        sheet.inlineString(r, c, text);
      }
    }
  }
}
