package ke.baraza.platform.internal;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;
import static ke.baraza.platform.internal.TabularReading.rejected;
import static ke.baraza.platform.internal.TabularReading.tooLarge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import ke.baraza.platform.TabularFileRejected;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Table;
import ke.baraza.platform.TabularFormat;
import ke.baraza.platform.internal.XlsxCells.Shows;
import org.springframework.http.HttpStatus;

/**
 * The first sheet of an .xlsx workbook, read with the JDK's StAX parser: DTDs refused (so no
 * entity, external or internal, is ever expanded), every part unpacked through {@link GuardedZip},
 * every cell checked against the limits before it is kept. Formulas are never evaluated: a formula
 * cell gives the value Excel saved with it.
 *
 * <p>Not FastExcel's reader: in version 0.20.2 a shared-string index past the end of the table, or
 * a cell reference far to the right, in an otherwise tiny file makes it allocate until the heap
 * runs out.
 */
final class XlsxTables {

  private static final int MAX_STYLES = 65_000;
  private static final int EXCEL_COLUMNS = 16_384;
  private static final int EXCEL_ROWS = 1_048_576;

  private final GuardedZip zip;
  private final Limits limits;
  private final TableCollector table;
  private final List<String> strings = new ArrayList<>();
  private final BitSet tooLongStrings = new BitSet();
  private final List<Shows> styles = new ArrayList<>();
  private boolean date1904;

  private XlsxTables(GuardedZip zip, Limits limits) {
    this.zip = zip;
    this.limits = limits;
    this.table = new TableCollector(TabularFormat.XLSX, limits);
  }

  static Table read(Path file, Limits limits) throws IOException {
    try (GuardedZip zip = new GuardedZip(file, limits)) {
      return new XlsxTables(zip, limits).read();
    } catch (XMLStreamException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof TabularFileRejected rejected) {
          throw rejected;
        }
      }
      throw damaged();
    } catch (NumberFormatException | ArithmeticException e) {
      throw damaged();
    }
  }

  private Table read() throws IOException, XMLStreamException {
    Map<String, Relationship> root = relationships("_rels/.rels");
    String workbook =
        root.values().stream()
            .filter(r -> r.type().endsWith("/officeDocument"))
            .map(Relationship::target)
            .findFirst()
            .orElse(null);
    if (workbook == null
        || !workbook.toLowerCase(Locale.ROOT).endsWith(".xml")
        || !zip.has(workbook)) {
      throw rejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, TabularFileRejected.UNSUPPORTED_TYPE);
    }
    Map<String, Relationship> parts = relationships(relationshipsOf(workbook));
    Relationship sheet = parts.get(firstSheetId(workbook));
    if (sheet == null) {
      throw damaged();
    }
    for (Relationship part : parts.values()) {
      if (part.type().endsWith("/sharedStrings")) {
        readStrings(part.target());
      } else if (part.type().endsWith("/styles")) {
        readStyles(part.target());
      }
    }
    readSheet(sheet.target());
    return table.table();
  }

  record Relationship(String type, String target) {}

  private Map<String, Relationship> relationships(String name)
      throws IOException, XMLStreamException {
    Map<String, Relationship> found = new HashMap<>();
    String folder = name.substring(0, name.lastIndexOf("_rels/"));
    try (InputStream in = zip.open(name)) {
      if (in == null) {
        return found;
      }
      XMLStreamReader xml = xml(in);
      while (xml.hasNext()) {
        if (xml.next() == START_ELEMENT
            && xml.getLocalName().equals("Relationship")
            && !"External".equals(xml.getAttributeValue(null, "TargetMode"))) {
          String id = xml.getAttributeValue(null, "Id");
          String type = xml.getAttributeValue(null, "Type");
          String target = xml.getAttributeValue(null, "Target");
          if (id != null && type != null && target != null) {
            found.put(id, new Relationship(type, resolve(folder, target)));
          }
        }
      }
    }
    return found;
  }

  /** Reads workbookPr and the relationship id of the first sheet in tab order. */
  private String firstSheetId(String workbook) throws IOException, XMLStreamException {
    try (InputStream in = zip.open(workbook)) {
      XMLStreamReader xml = xml(in);
      boolean first = true;
      while (xml.hasNext()) {
        if (xml.next() != START_ELEMENT) {
          continue;
        }
        String element = xml.getLocalName();
        if (first && !element.equals("workbook")) {
          throw rejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, TabularFileRejected.UNSUPPORTED_TYPE);
        }
        first = false;
        if (element.equals("workbookPr")) {
          String value = xml.getAttributeValue(null, "date1904");
          date1904 = "1".equals(value) || "true".equals(value);
        } else if (element.equals("sheet")) {
          for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if (xml.getAttributeLocalName(i).equals("id")
                && namespace != null
                && !namespace.isEmpty()) {
              return xml.getAttributeValue(i);
            }
          }
        }
      }
    }
    return null;
  }

  private void readStrings(String name) throws IOException, XMLStreamException {
    try (InputStream in = zip.open(name)) {
      if (in == null) {
        return;
      }
      XMLStreamReader xml = xml(in);
      Text text = null;
      boolean phonetic = false;
      boolean inText = false;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == START_ELEMENT) {
          switch (xml.getLocalName()) {
            case "si" -> text = new Text(limits.maxCellChars());
            case "rPh" -> phonetic = true;
            case "t" -> inText = text != null && !phonetic;
            default -> {}
          }
        } else if (event == END_ELEMENT) {
          switch (xml.getLocalName()) {
            case "si" -> {
              if (strings.size() >= limits.maxCells()) {
                throw tooLarge(TabularFileRejected.TOO_MANY_CELLS, limits.maxCells());
              }
              if (text != null && text.overflow()) {
                tooLongStrings.set(strings.size());
              }
              strings.add(text == null || text.overflow() ? "" : text.toString());
              text = null;
            }
            case "rPh" -> phonetic = false;
            case "t" -> inText = false;
            default -> {}
          }
        } else if (inText && isText(event)) {
          text.append(xml);
        }
      }
    }
  }

  private void readStyles(String name) throws IOException, XMLStreamException {
    Map<Integer, String> codes = new HashMap<>();
    List<Integer> formats = new ArrayList<>();
    try (InputStream in = zip.open(name)) {
      if (in == null) {
        return;
      }
      XMLStreamReader xml = xml(in);
      boolean cellFormats = false;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == START_ELEMENT) {
          switch (xml.getLocalName()) {
            case "numFmt" ->
                codes.put(
                    Integer.parseInt(xml.getAttributeValue(null, "numFmtId")),
                    xml.getAttributeValue(null, "formatCode"));
            case "cellXfs" -> cellFormats = true;
            case "xf" -> {
              if (cellFormats) {
                if (formats.size() >= MAX_STYLES) {
                  throw damaged();
                }
                String id = xml.getAttributeValue(null, "numFmtId");
                formats.add(id == null ? 0 : Integer.parseInt(id));
              }
            }
            default -> {}
          }
        } else if (event == END_ELEMENT && xml.getLocalName().equals("cellXfs")) {
          cellFormats = false;
        }
      }
    }
    formats.forEach(id -> styles.add(XlsxCells.shows(id, codes.get(id))));
  }

  private void readSheet(String name) throws IOException, XMLStreamException {
    try (InputStream in = zip.open(name)) {
      if (in == null) {
        throw damaged();
      }
      XMLStreamReader xml = xml(in);
      Cell cell = null;
      List<String> row = null;
      int rowNumber = 0;
      int nextColumn = 0;
      boolean inline = false;
      boolean phonetic = false;
      Text text = null;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == START_ELEMENT) {
          switch (xml.getLocalName()) {
            case "row" -> {
              String r = xml.getAttributeValue(null, "r");
              rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r.strip());
              if (rowNumber < 1 || rowNumber > EXCEL_ROWS) {
                throw damaged();
              }
              row = new ArrayList<>();
              nextColumn = 0;
            }
            case "c" -> {
              String r = xml.getAttributeValue(null, "r");
              int column = r == null ? nextColumn : column(r);
              nextColumn = column + 1;
              String s = xml.getAttributeValue(null, "s");
              String t = xml.getAttributeValue(null, "t");
              cell = new Cell(column, t == null ? "n" : t, s == null ? 0 : Integer.parseInt(s));
              text = new Text(limits.maxCellChars());
            }
            case "is" -> inline = true;
            case "rPh" -> phonetic = true;
            case "v" -> cell = cell == null ? null : cell.collecting(true);
            case "t" -> cell = cell == null ? null : cell.collecting(inline && !phonetic);
            default -> {}
          }
        } else if (event == END_ELEMENT) {
          switch (xml.getLocalName()) {
            case "v", "t" -> cell = cell == null ? null : cell.collecting(false);
            case "is" -> inline = false;
            case "rPh" -> phonetic = false;
            case "c" -> {
              if (cell != null && row != null) {
                keep(row, rowNumber, cell, text);
              }
              cell = null;
            }
            case "row" -> {
              if (row != null) {
                table.add(rowNumber, row);
              }
              row = null;
            }
            case "sheetData" -> {
              return;
            }
            default -> {}
          }
        } else if (cell != null && cell.collecting() && isText(event)) {
          text.append(xml);
        }
      }
    }
  }

  /** A cell being read: its column, type ({@code t}) and style ({@code s}). */
  private record Cell(int column, String type, int style, boolean collecting) {
    Cell(int column, String type, int style) {
      this(column, type, style, false);
    }

    Cell collecting(boolean on) {
      return new Cell(column, type, style, on);
    }
  }

  private void keep(List<String> row, int rowNumber, Cell cell, Text text) {
    if (text.overflow()) {
      table.checkLength(Integer.MAX_VALUE, rowNumber, cell.column());
    }
    String value = display(cell, text.toString(), rowNumber);
    if (value.isBlank()) {
      return;
    }
    if (cell.column() >= limits.maxColumns()) {
      throw tooLarge(TabularFileRejected.TOO_MANY_COLUMNS, rowNumber, limits.maxColumns());
    }
    while (row.size() <= cell.column()) {
      row.add(null);
    }
    row.set(cell.column(), value);
  }

  private String display(Cell cell, String raw, int rowNumber) {
    if (raw.isBlank() && !cell.type().equals("inlineStr")) {
      return "";
    }
    return switch (cell.type()) {
      case "s" -> {
        int index = Integer.parseInt(raw.strip());
        if (index < 0 || index >= strings.size()) {
          throw damaged();
        }
        if (tooLongStrings.get(index)) {
          table.checkLength(Integer.MAX_VALUE, rowNumber, cell.column());
        }
        yield strings.get(index);
      }
      case "b" -> "1".equals(raw.strip()) ? "TRUE" : "0".equals(raw.strip()) ? "FALSE" : raw;
      case "d" ->
          raw.endsWith("T00:00:00") ? raw.substring(0, raw.length() - 9) : raw.replace('T', ' ');
      case "n" -> {
        Shows shows = cell.style() < styles.size() ? styles.get(cell.style()) : Shows.NUMBER;
        yield shows == Shows.NUMBER
            ? XlsxCells.number(raw)
            : XlsxCells.dateTime(raw, shows, date1904);
      }
      default -> raw; // inlineStr, str (a formula's text), e (an error such as #N/A)
    };
  }

  /** The 0-based column of a cell reference such as "AB12". */
  private static int column(String reference) {
    int column = 0;
    int letters = 0;
    for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
      char c = Character.toUpperCase(reference.charAt(i));
      if (c < 'A' || c > 'Z' || ++letters > 3) {
        throw damaged();
      }
      column = column * 26 + (c - 'A' + 1);
    }
    if (letters == 0 || column > EXCEL_COLUMNS) {
      throw damaged();
    }
    return column - 1;
  }

  /** Text of one cell, kept up to the cell limit; what is past it is only counted. */
  private static final class Text {
    private final StringBuilder kept = new StringBuilder();
    private final int max;
    private boolean overflow;

    Text(int max) {
      this.max = max;
    }

    void append(XMLStreamReader xml) {
      int room = max - kept.length();
      int length = xml.getTextLength();
      if (length > room) {
        overflow = true;
      }
      kept.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(length, room));
    }

    boolean overflow() {
      return overflow;
    }

    @Override
    public String toString() {
      return kept.toString();
    }
  }

  private static boolean isText(int event) {
    return event == CHARACTERS || event == CDATA || event == SPACE;
  }

  /** "xl/workbook.xml" to "xl/_rels/workbook.xml.rels". */
  private static String relationshipsOf(String part) {
    int slash = part.lastIndexOf('/');
    return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
  }

  /** A relationship target, relative to the folder of the part that names it, as a ZIP path. */
  static String resolve(String folder, String target) {
    String path = target.startsWith("/") ? target : folder + target;
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        segments.pollLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.addLast(segment);
      }
    }
    return String.join("/", segments);
  }

  /** A StAX reader with DTDs and external entities off; a DOCTYPE is refused outright. */
  private static XMLStreamReader xml(InputStream in) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory.createFilteredReader(
        factory.createXMLStreamReader(in),
        reader -> {
          if (reader.getEventType() == DTD) {
            throw damaged();
          }
          return true;
        });
  }

  private static TabularFileRejected damaged() {
    return rejected(HttpStatus.BAD_REQUEST, TabularFileRejected.DAMAGED);
  }
}
