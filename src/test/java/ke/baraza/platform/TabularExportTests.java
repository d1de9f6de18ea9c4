package ke.baraza.platform;

import static ke.baraza.platform.TabularFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import ke.baraza.platform.TabularFiles.Row;
import ke.baraza.platform.TabularFiles.Table;
import org.junit.jupiter.api.Test;

class TabularExportTests {

  static final List<String> HEADER =
      List.of("Name", "Organization", "Phone", "Seats", "Fee", "Registered", "Present", "Notes");

  static final List<List<?>> ROWS =
      List.of(
          Arrays.asList(
              "Mũthoni Wanjirũ",
              "Kilifi Women's Network, CBO",
              "+254712345678",
              3,
              new BigDecimal("1234.50"),
              LocalDate.of(2025, 3, 14),
              true,
              "=HYPERLINK(\"http://evil.example\",\"Click\")"),
          Arrays.asList(
              "Brian \"BK\" Kiprop",
              null,
              "0712345678",
              0L,
              -12.5,
              LocalDate.of(2024, 12, 31),
              false,
              "line one\nline two"));

  static final List<String> EXPECTED_FIRST =
      List.of(
          "Mũthoni Wanjirũ",
          "Kilifi Women's Network, CBO",
          "+254712345678",
          "3",
          "1234.5",
          "2025-03-14",
          "TRUE",
          "'=HYPERLINK(\"http://evil.example\",\"Click\")");

  static final List<String> EXPECTED_SECOND =
      List.of(
          "Brian \"BK\" Kiprop",
          "",
          "0712345678",
          "0",
          "-12.5",
          "2024-12-31",
          "FALSE",
          "line one\nline two");

  @Test
  void writesAnXlsxThatReadsBackToTheSameValues() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    TabularExport.write(TabularFormat.XLSX, HEADER, ROWS, file);

    Table table = read(file.toByteArray(), "export.xlsx");

    assertThat(table.header()).isEqualTo(HEADER);
    assertThat(table.rows())
        .containsExactly(new Row(2, EXPECTED_FIRST), new Row(3, EXPECTED_SECOND));
  }

  @Test
  void writesUtf8CsvWithAByteOrderMarkThatReadsBackToTheSameValues() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    TabularExport.write(TabularFormat.CSV, HEADER, ROWS, file);
    byte[] bytes = file.toByteArray();

    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    Table table = read(bytes, "export.csv");
    assertThat(table.header()).isEqualTo(HEADER);
    List<String> first = new ArrayList<>(EXPECTED_FIRST);
    first.set(4, "1234.50"); // a decimal keeps its scale in CSV; in XLSX Excel keeps a double
    assertThat(table.rows()).extracting(Row::cells).containsExactly(first, EXPECTED_SECOND);
  }

  @Test
  void neutralisesTextThatASpreadsheetWouldRunAsAFormula() {
    assertThat(TabularExport.neutralise("=1+1")).isEqualTo("'=1+1");
    assertThat(TabularExport.neutralise("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
    assertThat(TabularExport.neutralise("-2+3+cmd|' /C calc'!A0"))
        .isEqualTo("'-2+3+cmd|' /C calc'!A0");
    assertThat(TabularExport.neutralise("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
    assertThat(TabularExport.neutralise("\t=1")).isEqualTo("'\t=1");
    assertThat(TabularExport.neutralise("\r=1")).isEqualTo("'\r=1");
  }

  @Test
  void leavesPlainTextAndPlainNumbersAsTheyAre() {
    assertThat(TabularExport.neutralise("Amina = chair")).isEqualTo("Amina = chair");
    assertThat(TabularExport.neutralise("+254712345678")).isEqualTo("+254712345678");
    assertThat(TabularExport.neutralise("-12.5")).isEqualTo("-12.5");
    assertThat(TabularExport.neutralise("")).isEmpty();
    assertThat(TabularExport.neutralise(null)).isNull();
  }

  @Test
  void streamsRowsToTheOutputWhileTheyAreStillBeingProducedAndLeavesItOpen() throws IOException {
    for (TabularFormat format : TabularFormat.values()) {
      CountingStream out = new CountingStream();
      List<Long> writtenBeforeLastRow = new ArrayList<>();
      Iterable<List<?>> rows =
          () ->
              new Iterator<>() {
                int next = 0;

                @Override
                public boolean hasNext() {
                  return next < 50_000;
                }

                @Override
                public List<?> next() {
                  if (next == 49_999) {
                    writtenBeforeLastRow.add(out.count);
                  }
                  next++;
                  return List.of("Participant " + next, "p" + next + "@example.org", next);
                }
              };

      TabularExport.write(format, List.of("Name", "Email", "Number"), rows, out);

      assertThat(writtenBeforeLastRow.getFirst()).as(format.name()).isGreaterThan(100_000L);
      assertThat(out.closed).as(format.name()).isFalse();
    }
  }

  @Test
  void refusesMoreRowsThanAnExcelSheetHolds() {
    Iterable<List<?>> rows =
        () -> IntStream.range(0, 1_048_576).<List<?>>mapToObj(List::of).iterator();

    assertThatThrownBy(
            () -> TabularExport.xlsx(List.of("n"), rows, OutputStream.nullOutputStream()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static final class CountingStream extends OutputStream {
    long count;
    boolean closed;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
