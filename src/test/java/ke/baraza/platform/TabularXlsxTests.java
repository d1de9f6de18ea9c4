package ke.baraza.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static ke.baraza.platform.TabularFixtures.MAIN;
import static ke.baraza.platform.TabularFixtures.read;
import static ke.baraza.platform.TabularFixtures.rejection;
import static ke.baraza.platform.TabularFixtures.sst;
import static ke.baraza.platform.TabularFixtures.workbook;
import static ke.baraza.platform.TabularFixtures.workbookParts;
import static ke.baraza.platform.TabularFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Row;
import ke.baraza.platform.TabularFiles.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/** What Excel saves, read as a person sees it; and workbooks made to harm, refused. */
class TabularXlsxTests {

  static final String STYLES =
      """
      <styleSheet xmlns="%s">
        <numFmts count="3">
          <numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/>
          <numFmt numFmtId="165" formatCode="[$-409]h:mm\\ AM/PM;@"/>
          <numFmt numFmtId="166" formatCode="#,##0.00\\ &quot;KSh&quot;"/>
        </numFmts>
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
        <cellXfs count="5">
          <xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>
        </cellXfs>
      </styleSheet>"""
          .formatted(MAIN);

  @Test
  void readsWhatExcelStoresAsTheTextAPersonSees() throws IOException {
    String strings =
        "<sst xmlns=\"%s\"><si><t>Name</t></si><si><t>Value</t></si>".formatted(MAIN)
            + "<si><r><t>Mũ</t></r><r><rPr><b/></rPr><t>thoni</t></r><rPh><t>IGNORED</t></rPh></si></sst>";
    String rows =
        """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
        <row r="2"><c r="A2" t="inlineStr"><is><t>rich shared</t></is></c><c r="B2" t="s"><v>2</v></c></row>
        <row r="3"><c r="A3" t="inlineStr"><is><t>date</t></is></c><c r="B3" s="1"><v>45730</v></c></row>
        <row r="4"><c r="A4" t="inlineStr"><is><t>date and time</t></is></c><c r="B4" s="2"><v>45730.75</v></c></row>
        <row r="5"><c r="A5" t="inlineStr"><is><t>time</t></is></c><c r="B5" s="3"><v>0.3541666666666667</v></c></row>
        <row r="6"><c r="A6" t="inlineStr"><is><t>money</t></is></c><c r="B6" s="4"><v>1500</v></c></row>
        <row r="7"><c r="A7" t="inlineStr"><is><t>sum</t></is></c><c r="B7"><f>0.1+0.2</f><v>0.30000000000000004</v></c></row>
        <row r="8"><c r="A8" t="inlineStr"><is><t>formula text</t></is></c><c r="B8" t="str"><f>A1&amp;"!"</f><v>Name!</v></c></row>
        <row r="9"><c r="A9" t="inlineStr"><is><t>boolean</t></is></c><c r="B9" t="b"><v>0</v></c></row>
        <row r="10"><c r="A10" t="inlineStr"><is><t>error</t></is></c><c r="B10" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
        <row r="12"><c r="A12" t="inlineStr"><is><t>phone</t></is></c><c r="B12"><v>254712345678</v></c></row>
        <row r="13"><c r="A13" t="inlineStr"><is><t>big</t></is></c><c r="B13"><v>1.5E+300</v></c></row>
        <row r="14"><c r="A14" t="inlineStr"><is><t>formatted empty</t></is></c><c r="B14" s="1"/></row>
        <row r="15"><c t="inlineStr"><is><t>no reference</t></is></c><c><v>7</v></c></row>
        """;
    Table table = read(zip(workbookParts(rows, strings, STYLES, false)), "excel.xlsx");

    assertThat(table.header()).containsExactly("Name", "Value");
    assertThat(table.rows())
        .extracting(row -> row.number() + " " + row.cell(0) + " = " + row.cell(1))
        .containsExactly(
            "2 rich shared = Mũthoni",
            "3 date = 2025-03-14",
            "4 date and time = 2025-03-14 18:00",
            "5 time = 08:30",
            "6 money = 1500",
            "7 sum = 0.3",
            "8 formula text = Name!",
            "9 boolean = FALSE",
            "10 error = #DIV/0!",
            "12 phone = 254712345678",
            "13 big = 1.5E+300",
            "14 formatted empty = ",
            "15 no reference = 7");
  }

  @Test
  void readsDatesOfWorkbooksCountingFrom1904() throws IOException {
    String styles =
        "<styleSheet xmlns=\"%s\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"
            .formatted(MAIN);
    String rows =
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Date</t></is></c></row><row r=\"2\"><c r=\"A2\" s=\"1\"><v>44268</v></c></row>";

    Table table = read(zip(workbookParts(rows, null, styles, true)), "mac.xlsx");

    assertThat(table.rows().getFirst().cells()).containsExactly("2025-03-14");
  }

  @Test
  void keepsSparseCellsInTheirColumns() throws IOException {
    String rows =
        """
        <row r="1"><c r="A1" t="inlineStr"><is><t>First Name</t></is></c><c r="C1" t="inlineStr"><is><t>Email</t></is></c></row>
        <row r="4"><c r="C4" t="inlineStr"><is><t>amina@example.org</t></is></c></row>
        <row r="5"><c r="A5" t="inlineStr"><is><t>   </t></is></c></row>
        """;
    Table table = read(workbook(rows, null), "sparse.xlsx");

    assertThat(table.header()).containsExactly("First Name", "", "Email");
    assertThat(table.rows()).containsExactly(new Row(4, List.of("", "", "amina@example.org")));
  }

  @Test
  void refusesASharedStringIndexPastTheTableWithoutExhaustingMemory() {
    String rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1500000000</v></c></row>";

    assertThat(rejection(() -> read(workbook(rows, sst("only")), "index.xlsx")).messageKey())
        .isEqualTo(TabularFileRejected.DAMAGED);
  }

  @Test
  void refusesCellReferencesBeyondExcelAndValuesBeyondTheColumnLimit() {
    String outOfExcel = "<row r=\"1\"><c r=\"ZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
    String column234 = "<row r=\"1\"><c r=\"HZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>";

    assertThat(rejection(() -> read(workbook(outOfExcel, null), "far.xlsx")).messageKey())
        .isEqualTo(TabularFileRejected.DAMAGED);
    TabularFileRejected wide = rejection(() -> read(workbook(column234, null), "wide.xlsx"));
    assertThat(wide.messageKey()).isEqualTo(TabularFileRejected.TOO_MANY_COLUMNS);
    assertThat(wide.args()).containsExactly(1, 200);
  }

  @Test
  void refusesASharedStringLongerThanACellMayBeWhereItIsUsed() {
    String rows =
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>";

    TabularFileRejected rejected =
        rejection(() -> read(workbook(rows, sst("Name", "a".repeat(10_001))), "long.xlsx"));

    assertThat(rejected.messageKey()).isEqualTo(TabularFileRejected.CELL_TOO_LONG);
    assertThat(rejected.args()).containsExactly(1, 2, 10_000);
  }

  @Test
  void refusesRowsOverTheLimitInAWorkbookToo() {
    StringBuilder rows = new StringBuilder();
    for (int r = 1; r <= 5; r++) {
      rows.append("<row r=\"%d\"><c r=\"A%d\"><v>%d</v></c></row>".formatted(r, r, r));
    }
    Limits threeRows = new Limits(1 << 20, 3, 10, 100, 100, 10, 1 << 20);

    TabularFileRejected rejected =
        rejection(() -> read(workbook(rows.toString(), null), "rows.xlsx", threeRows));

    assertThat(rejected.messageKey()).isEqualTo(TabularFileRejected.TOO_MANY_ROWS);
    assertThat(rejected.args()).containsExactly(3);
  }

  @Test
  void refusesAnExternalEntityWithoutReadingTheFileItNames() {
    String strings =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <sst xmlns="%s"><si><t>&secret;</t></si></sst>"""
            .formatted(MAIN);
    String rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>";

    TabularFileRejected rejected = rejection(() -> read(workbook(rows, strings), "xxe.xlsx"));

    assertThat(rejected.messageKey()).isEqualTo(TabularFileRejected.DAMAGED);
    assertThat(rejected.args()).isEmpty();
    assertThat(rejected.getMessage()).doesNotContain("root");
  }

  @Test
  void refusesAnyDoctypeIncludingAnExternalOneAndEntityExpansion() {
    Map<String, String> externalDtd = workbookParts("", null, null, false);
    externalDtd.put(
        "xl/worksheets/sheet1.xml",
        "<?xml version=\"1.0\"?><!DOCTYPE worksheet SYSTEM \"file:///etc/passwd\"><worksheet xmlns=\"%s\"><sheetData/></worksheet>"
            .formatted(MAIN));
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
            + "<sst xmlns=\"%s\"><si><t>&d;</t></si></sst>".formatted(MAIN);

    assertThat(rejection(() -> read(zip(externalDtd), "dtd.xlsx")).messageKey())
        .isEqualTo(TabularFileRejected.DAMAGED);
    assertThat(rejection(() -> read(workbook("", laughs), "laughs.xlsx")).messageKey())
        .isEqualTo(TabularFileRejected.DAMAGED);
  }

  @Test
  void refusesAZipBombFromItsDeclaredSizeBeforeUnpackingIt(@TempDir Path dir) throws IOException {
    // The bomb is a part the reader never opens: only the central directory check can see it.
    Path bomb = dir.resolve("bomb.xlsx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.setLevel(Deflater.BEST_SPEED);
      for (Map.Entry<String, String> part : workbookParts("", null, null, false).entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue().getBytes(UTF_8));
      }
      zip.putNextEntry(new ZipEntry("xl/media/image1.png"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 1_100; i++) {
        zip.write(zeros); // 1.1 GB of zeros, deflated a megabyte at a time
      }
    }
    assertThat(Files.size(bomb)).isLessThan(10L << 20);

    try (InputStream in = Files.newInputStream(bomb)) {
      TabularFileRejected rejected =
          rejection(() -> TabularFiles.read(in, "bomb.xlsx", Limits.DEFAULTS));
      assertThat(rejected.messageKey()).isEqualTo(TabularFileRejected.UNPACKS_TOO_LARGE);
      assertThat(rejected.args()).containsExactly(100L);
      assertThat(rejected.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }
  }

  @Test
  void refusesAZipBombThatLiesAboutItsSizeWhileUnpackingIt() {
    Map<String, String> parts = workbookParts("", null, null, false);
    String spaces = " ".repeat(3 << 20);
    parts.put(
        "xl/worksheets/sheet1.xml",
        "<worksheet xmlns=\"%s\">%s<sheetData/></worksheet>".formatted(MAIN, spaces));
    byte[] file = zip(parts);
    declareSize(file, "xl/worksheets/sheet1.xml", 100);
    Limits oneMegabyteUnpacked = new Limits(50 << 20, 100, 10, 1_000, 100, 100, 1 << 20);

    assertThat(rejection(() -> read(file, "liar.xlsx", oneMegabyteUnpacked)).messageKey())
        .isEqualTo(TabularFileRejected.UNPACKS_TOO_LARGE);
  }

  @Test
  void refusesAWorkbookWithTooManyParts() {
    Map<String, String> parts = workbookParts("", null, null, false);
    for (int i = 0; i < 1_000; i++) {
      parts.put("xl/media/padding" + i + ".xml", "<x/>");
    }

    TabularFileRejected rejected = rejection(() -> read(zip(parts), "parts.xlsx"));

    assertThat(rejected.messageKey()).isEqualTo(TabularFileRejected.TOO_MANY_PARTS);
    assertThat(rejected.args()).containsExactly(1_000);
  }

  @Test
  void refusesATagLongerThanAnyExcelWritesSoNoAttributeFillsTheMemory() {
    String rows =
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\" x=\""
            + "a>".repeat(600_000)
            + "\"><is><t>x</t></is></c></row>";

    assertThat(rejection(() -> read(workbook(rows, null), "tag.xlsx")).messageKey())
        .isEqualTo(TabularFileRejected.DAMAGED);
  }

  @Test
  void refusesATruncatedWorkbook() {
    byte[] whole = workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", null);

    assertThat(
            rejection(() -> read(Arrays.copyOf(whole, whole.length / 2), "cut.xlsx")).messageKey())
        .isEqualTo(TabularFileRejected.DAMAGED);
  }

  /** Rewrites the uncompressed size the central directory gives for {@code name}. */
  static void declareSize(byte[] zip, String name, int size) {
    ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    byte[] wanted = name.getBytes(UTF_8);
    for (int i = 0; i < zip.length - 46; i++) {
      if (bytes.getInt(i) == 0x02014b50
          && bytes.getShort(i + 28) == wanted.length
          && Arrays.equals(zip, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
        bytes.putInt(i + 24, size);
        return;
      }
    }
    throw new IllegalArgumentException(name + " not in the central directory");
  }
}
