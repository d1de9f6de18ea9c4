package ke.baraza.platform.internal;

import static ke.baraza.platform.internal.TabularReading.tooLarge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ke.baraza.platform.TabularFileRejected;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Row;
import ke.baraza.platform.TabularFiles.Table;
import ke.baraza.platform.TabularFormat;

/**
 * Turns raw rows into a {@link Table}, the same way for CSV and XLSX: strips cells, skips blank
 * rows, takes the first other row as the header, pads rows to the header's width, and refuses a
 * row, column, cell or length over the limits as soon as it arrives.
 */
final class TableCollector {

  private final TabularFormat format;
  private final Limits limits;
  private final List<Row> rows = new ArrayList<>();
  private List<String> header;
  private long cells;

  TableCollector(TabularFormat format, Limits limits) {
    this.format = format;
    this.limits = limits;
  }

  /**
   * Adds the row numbered {@code number} (1-based, as in the file); {@code raw} may hold nulls for
   * empty cells.
   */
  void add(int number, List<String> raw) {
    String[] values = new String[raw.size()];
    int width = 0;
    for (int i = 0; i < values.length; i++) {
      String value = raw.get(i) == null ? "" : raw.get(i);
      checkLength(value.length(), number, i);
      values[i] = value.strip();
      if (!values[i].isEmpty()) {
        width = i + 1;
      }
    }
    if (width == 0) {
      return;
    }
    if (width > limits.maxColumns()) {
      throw tooLarge(TabularFileRejected.TOO_MANY_COLUMNS, number, limits.maxColumns());
    }
    if (header == null) {
      header = List.of(Arrays.copyOf(values, width));
      return;
    }
    if (rows.size() == limits.maxRows()) {
      throw tooLarge(TabularFileRejected.TOO_MANY_ROWS, limits.maxRows());
    }
    String[] cellsOfRow = Arrays.copyOf(values, Math.max(width, header.size()));
    Arrays.setAll(cellsOfRow, i -> cellsOfRow[i] == null ? "" : cellsOfRow[i]);
    cells += cellsOfRow.length;
    if (cells > limits.maxCells()) {
      throw tooLarge(TabularFileRejected.TOO_MANY_CELLS, limits.maxCells());
    }
    rows.add(new Row(number, List.of(cellsOfRow)));
  }

  /** Refuses a cell of {@code length} characters in row {@code number}, column {@code index}. */
  void checkLength(int length, int number, int index) {
    if (length > limits.maxCellChars()) {
      throw tooLarge(TabularFileRejected.CELL_TOO_LONG, number, index + 1, limits.maxCellChars());
    }
  }

  Table table() {
    if (header == null) {
      throw TabularReading.rejected(
          org.springframework.http.HttpStatus.BAD_REQUEST, TabularFileRejected.EMPTY);
    }
    return new Table(format, header, rows);
  }
}
