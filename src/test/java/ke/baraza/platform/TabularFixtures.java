package ke.baraza.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Table;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Files for the tabular tests, made in the test: hand-built XLSX parts and lazy CSV streams. */
final class TabularFixtures {

  static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

  private TabularFixtures() {}

  static Table read(byte[] file, String name) throws IOException {
    return TabularFiles.read(new ByteArrayInputStream(file), name, Limits.DEFAULTS);
  }

  static Table read(byte[] file, String name, Limits limits) throws IOException {
    return TabularFiles.read(new ByteArrayInputStream(file), name, limits);
  }

  static TabularFileRejected rejection(ThrowingCallable call) {
    return catchThrowableOfType(TabularFileRejected.class, call);
  }

  /** The parts of a one-sheet workbook as Excel writes them, with a sheet's {@code sheetData}. */
  static Map<String, String> workbookParts(
      String sheetData, String sharedStrings, String styles, boolean date1904) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put(
        "[Content_Types].xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        </Types>""");
    parts.put(
        "_rels/.rels",
        "<Relationships xmlns=\"%s\"><Relationship Id=\"rId1\" Type=\"%s/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            .formatted(PKG_REL, REL));
    parts.put(
        "xl/workbook.xml",
        "<workbook xmlns=\"%s\" xmlns:r=\"%s\"><workbookPr date1904=\"%s\"/><sheets><sheet name=\"Participants\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            .formatted(MAIN, REL, date1904 ? "1" : "0"));
    parts.put(
        "xl/_rels/workbook.xml.rels",
        ("<Relationships xmlns=\"%1$s\">"
                + "<Relationship Id=\"rId1\" Type=\"%2$s/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"%2$s/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"%2$s/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>")
            .formatted(PKG_REL, REL));
    if (sharedStrings != null) {
      parts.put("xl/sharedStrings.xml", sharedStrings);
    }
    if (styles != null) {
      parts.put("xl/styles.xml", styles);
    }
    parts.put(
        "xl/worksheets/sheet1.xml",
        "<worksheet xmlns=\"%s\"><sheetData>%s</sheetData></worksheet>".formatted(MAIN, sheetData));
    return parts;
  }

  static byte[] workbook(String sheetData, String sharedStrings) {
    return zip(workbookParts(sheetData, sharedStrings, null, false));
  }

  static String sst(String... items) {
    StringBuilder xml = new StringBuilder("<sst xmlns=\"" + MAIN + "\">");
    for (String item : items) {
      xml.append("<si><t>").append(item).append("</t></si>");
    }
    return xml.append("</sst>").toString();
  }

  static byte[] zip(Map<String, String> parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue().getBytes(UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A stream that makes its lines only as they are read. */
  static InputStream lazyLines(Iterator<String> lines) {
    return new SequenceInputStream(
        new Enumeration<InputStream>() {
          @Override
          public boolean hasMoreElements() {
            return lines.hasNext();
          }

          @Override
          public InputStream nextElement() {
            return new ByteArrayInputStream((lines.next() + "\r\n").getBytes(UTF_8));
          }
        });
  }
}
