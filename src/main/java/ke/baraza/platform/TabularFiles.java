package ke.baraza.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import ke.baraza.platform.internal.TabularReading;

/**
 * Reads the tables people upload (member and participant lists, attendance registers): a CSV file
 * or the first sheet of an Excel workbook (.xlsx), as text. No business rules: callers map columns
 * to their own fields.
 *
 * <p>The format is decided by the content, not the name: a ZIP is read as .xlsx, text as CSV.
 * Refused with {@link TabularFileRejected}: old .xls and password-protected workbooks (both OLE2
 * containers), ODS, PDF, images and other binary files, and anything over a {@link Limits limit}. A
 * refusal never returns part of a table.
 */
public final class TabularFiles {

  private TabularFiles() {}

  /**
   * Reads a whole table into memory, within {@code limits}.
   *
   * <p>The first row that is not blank is the header; blank rows are skipped; every cell is the
   * text a person sees, stripped of surrounding white space. CSV: comma or semicolon, whichever the
   * header line has more of; UTF-8 (with or without a byte order mark), else Windows-1252 when the
   * bytes are not UTF-8 at all; a file mixing both is refused, never garbled. XLSX: the first sheet
   * in tab order; numbers without a trailing ".0", dates as {@code yyyy-MM-dd}, booleans as {@code
   * TRUE}/{@code FALSE}, formulas as the value Excel saved (never evaluated).
   *
   * @param in the upload, read to its end (at most {@code limits.maxFileBytes() + 1} bytes) and not
   *     closed; not null
   * @param fileName the name the user gave the file, or null. Only a hint: text content is read as
   *     CSV only under a name without extension or ending in .csv or .txt, so that a web page saved
   *     as ".xls" is refused instead of read as garbage
   * @param limits the caps to apply, usually {@link Limits#DEFAULTS}; not null
   * @return the header and the rows; never null, with at least a header
   * @throws TabularFileRejected when the file is empty, of another type, damaged, unsafe or over a
   *     limit; the message key and arguments say which
   * @throws IOException when {@code in} or the temporary copy of the upload cannot be read
   */
  public static Table read(InputStream in, String fileName, Limits limits) throws IOException {
    return TabularReading.read(in, fileName, limits);
  }

  /**
   * Caps on what one upload may hold. Every exceeded cap is a {@link TabularFileRejected}, before
   * the memory is spent: the cells of a table live in memory, so {@code maxCells} and, for .xlsx,
   * {@code maxUnzippedBytes} are what bound it.
   *
   * @param maxFileBytes size of the upload as sent
   * @param maxRows data rows, the header not counted
   * @param maxColumns columns up to the last one with a value in any row
   * @param maxCells cells in all data rows together
   * @param maxCellChars characters in one cell
   * @param maxZipEntries parts inside an .xlsx (a ZIP); checked before any is unpacked
   * @param maxUnzippedBytes bytes of all parts of an .xlsx once unpacked: the sizes the ZIP
   *     declares are checked before reading, the bytes actually unpacked while reading
   */
  public record Limits(
      long maxFileBytes,
      int maxRows,
      int maxColumns,
      long maxCells,
      int maxCellChars,
      int maxZipEntries,
      long maxUnzippedBytes) {

    /**
     * 50 MB upload, 100,000 rows, 200 columns, 2,000,000 cells, 10,000 characters a cell, 1,000
     * parts and 100 MB unpacked for an .xlsx.
     */
    public static final Limits DEFAULTS =
        new Limits(50L << 20, 100_000, 200, 2_000_000, 10_000, 1_000, 100L << 20);

    public Limits {
      if (maxFileBytes < 1
          || maxRows < 1
          || maxColumns < 1
          || maxCells < 1
          || maxCellChars < 1
          || maxZipEntries < 1
          || maxUnzippedBytes < 1) {
        throw new IllegalArgumentException("every limit must be positive");
      }
    }
  }

  /**
   * A table as read.
   *
   * @param format the format the content was read as
   * @param header the header row's cells, stripped; empty strings for unnamed columns, never null
   * @param rows the data rows in file order, blank rows left out
   */
  public record Table(TabularFormat format, List<String> header, List<Row> rows) {

    public Table {
      Objects.requireNonNull(format, "format");
      header = List.copyOf(header);
      rows = List.copyOf(rows);
    }

    /** The index of the first header cell equal to {@code name}, ignoring case. */
    public OptionalInt column(String name) {
      String wanted = name.strip().toLowerCase(Locale.ROOT);
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).toLowerCase(Locale.ROOT).equals(wanted)) {
          return OptionalInt.of(i);
        }
      }
      return OptionalInt.empty();
    }
  }

  /**
   * One data row.
   *
   * @param number the 1-based row number in the file, as a spreadsheet shows it (for CSV, the
   *     record number: a cell spanning lines is one row), for messages such as "row 12: no e-mail"
   * @param cells at least as many cells as the header ({@code ""} where empty); more when values
   *     stand right of the last header cell, which callers may refuse or ignore
   */
  public record Row(int number, List<String> cells) {

    public Row {
      cells = List.copyOf(cells);
    }

    /** The cell in column {@code index} (0-based), or {@code ""} past the end of the row. */
    public String cell(int index) {
      return index < cells.size() ? cells.get(index) : "";
    }
  }
}
