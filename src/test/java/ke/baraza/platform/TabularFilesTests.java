package ke.baraza.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static ke.baraza.platform.TabularFixtures.lazyLines;
import static ke.baraza.platform.TabularFixtures.read;
import static ke.baraza.platform.TabularFixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Row;
import ke.baraza.platform.TabularFiles.Table;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class TabularFilesTests {

  static final List<String> ANNEX_HEADER =
      List.of("First Name", "Last Name", "Email", "Organization", "Job Title");

  @Test
  void readsAParticipantAnnexSavedAsCsv() throws IOException {
    String csv =
        """
        First Name,Last Name,Email,Organization,Job Title\r
        Mũthoni,Wanjirũ,muthoni@example.org,"Kilifi Women's Network, CBO",Coordinator\r
        Brian, Kiprop ,brian@example.org,Baraza Youth,"Chair, ""Youth"" desk"\r
        """;
    Table table = read(csv.getBytes(UTF_8), "participants.csv");

    assertThat(table.format()).isEqualTo(TabularFormat.CSV);
    assertThat(table.header()).isEqualTo(ANNEX_HEADER);
    assertThat(table.rows())
        .containsExactly(
            new Row(
                2,
                List.of(
                    "Mũthoni",
                    "Wanjirũ",
                    "muthoni@example.org",
                    "Kilifi Women's Network, CBO",
                    "Coordinator")),
            new Row(
                3,
                List.of(
                    "Brian",
                    "Kiprop",
                    "brian@example.org",
                    "Baraza Youth",
                    "Chair, \"Youth\" desk")));
    assertThat(table.column("email")).hasValue(2);
    assertThat(table.column("Phone")).isEmpty();
  }

  @Test
  void readsTheFirstSheetOfAnXlsxWorkbookAsThePersonSeesIt() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(file, "Test", null);
    Worksheet sheet = workbook.newWorksheet("Participants");
    List<String> header =
        Stream.concat(
                ANNEX_HEADER.stream(), Stream.of("Phone", "Registered", "Seats", "Fee", "Paid"))
            .toList();
    for (int c = 0; c < header.size(); c++) {
      sheet.value(0, c, header.get(c));
    }
    sheet.value(1, 0, "Mũthoni");
    sheet.value(1, 1, "Wanjirũ");
    sheet.value(1, 2, "muthoni@example.org");
    sheet.value(1, 3, "Kilifi Women's Network");
    // column E (Job Title) left empty
    sheet.value(1, 5, 712345678); // typed as a number: Excel dropped the leading zero
    sheet.value(1, 6, LocalDate.of(2025, 3, 14));
    sheet.style(1, 6).format("d/m/yyyy").set();
    sheet.value(1, 7, 42.0);
    sheet.value(1, 8, new BigDecimal("1234.50"));
    sheet.value(1, 9, true);
    workbook.newWorksheet("Notes").value(0, 0, "not read");
    workbook.finish();

    Table table = read(file.toByteArray(), "participants.xlsx");

    assertThat(table.format()).isEqualTo(TabularFormat.XLSX);
    assertThat(table.header()).isEqualTo(header);
    assertThat(table.rows())
        .containsExactly(
            new Row(
                2,
                List.of(
                    "Mũthoni",
                    "Wanjirũ",
                    "muthoni@example.org",
                    "Kilifi Women's Network",
                    "",
                    "712345678",
                    "2025-03-14",
                    "42",
                    "1234.5",
                    "TRUE")));
  }

  @Test
  void detectsTheSemicolonThatExcelUsesWhereTheDecimalMarkIsAComma() throws IOException {
    String csv = "First Name;Last Name;Fee\nAmina;Otieno;\"1,5\"\nJosé;Kamau;2,75\n";
    Table table = read(csv.getBytes(UTF_8), "register.csv");

    assertThat(table.header()).containsExactly("First Name", "Last Name", "Fee");
    assertThat(table.rows())
        .extracting(Row::cells)
        .containsExactly(List.of("Amina", "Otieno", "1,5"), List.of("José", "Kamau", "2,75"));
  }

  @Test
  void skipsTheUtf8ByteOrderMark() throws IOException {
    byte[] csv =
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            "Email,Name\r\na@example.org,Ömer\r\n".getBytes(UTF_8));
    Table table = read(csv, "list.csv");

    assertThat(table.header()).containsExactly("Email", "Name");
    assertThat(table.rows().getFirst().cells()).containsExactly("a@example.org", "Ömer");
  }

  @Test
  void readsAWindows1252FileWhoseBytesAreNotUtf8() throws IOException {
    Charset ansi = Charset.forName("windows-1252");
    byte[] csv =
        "First Name;Last Name;Organization\r\nRenée;Müller;Café Ngong’ Road\r\n".getBytes(ansi);

    Table table = read(csv, "ansi.csv");

    assertThat(table.rows().getFirst().cells())
        .containsExactly("Renée", "Müller", "Café Ngong’ Road");
  }

  @Test
  void refusesAFileThatMixesUtf8AndWindows1252InsteadOfGarblingIt() {
    byte[] csv =
        concat(
            "Name\r\nMũthoni\r\n".getBytes(UTF_8),
            "Müller\r\n".getBytes(Charset.forName("windows-1252")));

    TabularFileRejected rejected = rejection(() -> read(csv, "mixed.csv"));

    assertThat(rejected.messageKey()).isEqualTo(TabularFileRejected.MIXED_ENCODING);
    assertThat(rejected.status()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void refusesUtf16TextAndBytesThatWindows1252LeavesUndefined() {
    byte[] utf16 =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE}, "Name\r\n".getBytes(StandardCharsets.UTF_16LE));
    byte[] undefined = {'N', 'a', 'm', 'e', '\n', 'A', (byte) 0x81, 'b', '\n'};

    assertThat(rejection(() -> read(utf16, "unicode.txt")).messageKey())
        .isEqualTo(TabularFileRejected.ENCODING);
    assertThat(rejection(() -> read(undefined, "odd.csv")).messageKey())
        .isEqualTo(TabularFileRejected.ENCODING);
  }

  @Test
  void skipsBlankRowsKeepsEmptyColumnsAndNumbersRowsAsInTheFile() throws IOException {
    String csv =
        """

        First Name,,Last Name,Email,
        ,,,,
        Amina,,Otieno,amina@example.org,
          ,  ,,,
        Brian,x,Kiprop
        Chep,,Rono,,stray
        """;
    Table table = read(csv.getBytes(UTF_8), "gaps.csv");

    assertThat(table.header()).containsExactly("First Name", "", "Last Name", "Email");
    assertThat(table.rows())
        .containsExactly(
            new Row(4, List.of("Amina", "", "Otieno", "amina@example.org")),
            new Row(6, List.of("Brian", "x", "Kiprop", "")),
            new Row(7, List.of("Chep", "", "Rono", "", "stray")));
    assertThat(table.rows().get(1).cell(3)).isEmpty();
    assertThat(table.rows().get(1).cell(99)).isEmpty();
  }

  @Test
  void countsACellThatSpansLinesAsOneRow() throws IOException {
    String csv = "Name,Notes\r\nAmina,\"line one\r\nline two\"\r\nBrian,ok\r\n";
    Table table = read(csv.getBytes(UTF_8), "notes.csv");

    assertThat(table.rows()).extracting(Row::number).containsExactly(2, 3);
    assertThat(table.rows().getFirst().cell(1)).isEqualTo("line one\r\nline two");
  }

  @Test
  void refusesAnUnclosedQuoteNamingTheRow() {
    String csv = "Name,Notes\nAmina,ok\nBrian,\"not closed\n";

    TabularFileRejected rejected = rejection(() -> read(csv.getBytes(UTF_8), "broken.csv"));

    assertThat(rejected.messageKey()).isEqualTo(TabularFileRejected.DAMAGED_AT_ROW);
    assertThat(rejected.args()).containsExactly(3L);
  }

  @Test
  void acceptsOneHundredThousandRowsAndRefusesOneMore() throws IOException {
    Table full = TabularFiles.read(lazyLines(annex(100_000)), "full.csv", Limits.DEFAULTS);
    assertThat(full.rows()).hasSize(100_000);
    assertThat(full.rows().getLast().number()).isEqualTo(100_001);

    TabularFileRejected rejected =
        rejection(() -> TabularFiles.read(lazyLines(annex(100_001)), "big.csv", Limits.DEFAULTS));

    assertThat(rejected.messageKey()).isEqualTo(TabularFileRejected.TOO_MANY_ROWS);
    assertThat(rejected.args()).containsExactly(100_000);
    assertThat(rejected.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
  }

  @Test
  void refusesTooManyColumnsTooManyCellsAndTooLongACell() {
    String wide = String.join(",", IntStream.range(0, 201).mapToObj(i -> "c" + i).toList());
    TabularFileRejected columns = rejection(() -> read(wide.getBytes(UTF_8), "wide.csv"));
    assertThat(columns.messageKey()).isEqualTo(TabularFileRejected.TOO_MANY_COLUMNS);
    assertThat(columns.args()).containsExactly(1, 200);

    String longCell = "Name,Notes\nAmina," + "a".repeat(10_001) + "\n";
    TabularFileRejected cell = rejection(() -> read(longCell.getBytes(UTF_8), "long.csv"));
    assertThat(cell.messageKey()).isEqualTo(TabularFileRejected.CELL_TOO_LONG);
    assertThat(cell.args()).containsExactly(2, 2, 10_000);

    Limits fewCells = new Limits(1 << 20, 100, 10, 5, 100, 10, 1 << 20);
    TabularFileRejected cells =
        rejection(() -> read("a,b\n1,2\n3,4\n5,6\n".getBytes(UTF_8), "cells.csv", fewCells));
    assertThat(cells.messageKey()).isEqualTo(TabularFileRejected.TOO_MANY_CELLS);
  }

  @Test
  void refusesAnUploadOverTheSizeLimitWithoutReadingItAll() {
    Limits oneMegabyte = new Limits(1 << 20, 100_000, 200, 2_000_000, 10_000, 1_000, 1 << 20);
    TabularFileRejected rejected =
        rejection(
            () ->
                TabularFiles.read(
                    lazyLines(Stream.generate(() -> "x".repeat(1_000)).iterator()),
                    "endless.csv",
                    oneMegabyte));

    assertThat(rejected.messageKey()).isEqualTo(TabularFileRejected.TOO_LARGE);
    assertThat(rejected.args()).containsExactly(1L);
    assertThat(rejected.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
  }

  @Test
  void refusesEmptyFilesAndFilesWithOnlyBlankRows() {
    assertThat(rejection(() -> read(new byte[0], "empty.csv")).messageKey())
        .isEqualTo(TabularFileRejected.EMPTY);
    assertThat(rejection(() -> read(",,\r\n ,  ,\r\n".getBytes(UTF_8), "blank.csv")).messageKey())
        .isEqualTo(TabularFileRejected.EMPTY);
  }

  @Test
  void refusesAPdfOrAPictureRenamedToCsv() {
    byte[] pdf =
        "%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    byte[] nul = "Name\nAm\0ina\n".getBytes(UTF_8);

    for (byte[] file : List.of(pdf, png, nul)) {
      TabularFileRejected rejected = rejection(() -> read(file, "participants.csv"));
      assertThat(rejected.messageKey()).isEqualTo(TabularFileRejected.UNSUPPORTED_TYPE);
      assertThat(rejected.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
  }

  @Test
  void refusesOldExcelAndPasswordProtectedWorkbooksWhichAreBothOle2Containers() {
    byte[] ole2 = new byte[512];
    byte[] magic = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    System.arraycopy(magic, 0, ole2, 0, magic.length);

    for (String name : List.of("protected.xlsx", "old.xls", "renamed.csv")) {
      TabularFileRejected rejected = rejection(() -> read(ole2, name));
      assertThat(rejected.messageKey()).isEqualTo(TabularFileRejected.OLD_OR_PROTECTED);
      assertThat(rejected.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
  }

  @Test
  void refusesAWebPageSavedAsXlsRatherThanReadingItAsCsv() {
    byte[] html = "<html><body><table><tr><td>Name</td></tr></table></body></html>".getBytes(UTF_8);

    assertThat(rejection(() -> read(html, "export.xls")).messageKey())
        .isEqualTo(TabularFileRejected.UNSUPPORTED_TYPE);
  }

  @Test
  void refusesAZipThatIsNotAnExcelWorkbook() {
    byte[] ods =
        TabularFixtures.zip(
            Map.of(
                "mimetype",
                "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml",
                "<x/>"));
    byte[] docx =
        TabularFixtures.zip(
            Map.of(
                "_rels/.rels",
                "<Relationships xmlns=\"%s\"><Relationship Id=\"r\" Type=\"%s/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
                    .formatted(TabularFixtures.PKG_REL, TabularFixtures.REL),
                "word/document.xml",
                "<document/>"));

    assertThat(rejection(() -> read(ods, "budget.ods")).messageKey())
        .isEqualTo(TabularFileRejected.UNSUPPORTED_TYPE);
    assertThat(rejection(() -> read(docx, "annex.xlsx")).messageKey())
        .isEqualTo(TabularFileRejected.UNSUPPORTED_TYPE);
  }

  @Test
  void everyRefusalReadsAsASentenceInEnglishAndKiswahili() throws IllegalAccessException {
    var messages = new org.springframework.context.support.ResourceBundleMessageSource();
    messages.setBasename("i18n/platform");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    for (var field : TabularFileRejected.class.getFields()) {
      String key = (String) field.get(null);
      for (java.util.Locale locale :
          List.of(java.util.Locale.ENGLISH, java.util.Locale.forLanguageTag("sw"))) {
        String text = messages.getMessage(key, new Object[] {1234, 5, 10_000}, locale);
        assertThat(text).as(key + " in " + locale).doesNotContain("{", "}").contains(".");
        if (key.equals(TabularFileRejected.CELL_TOO_LONG)) {
          assertThat(text).contains("1234", "5", "10,000");
        }
      }
    }
  }

  static java.util.Iterator<String> annex(int rows) {
    return Stream.concat(
            Stream.of("First Name,Last Name,Email"),
            IntStream.rangeClosed(1, rows).mapToObj(i -> "Amina,Otieno,amina" + i + "@example.org"))
        .iterator();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
