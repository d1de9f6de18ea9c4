package ke.baraza.platform.internal;

import static ke.baraza.platform.internal.TabularReading.rejected;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import ke.baraza.platform.TabularFileRejected;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Table;
import ke.baraza.platform.TabularFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * CSV with Apache Commons CSV. The encoding is decided once per file from all its bytes (see {@link
 * #encodingOf}); the separator from the header line.
 */
final class CsvTables {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** How far to look for the header line when choosing the separator. */
  private static final int HEADER_SCAN_CHARS = 1 << 20;

  private CsvTables() {}

  static Table read(Path file, Limits limits) throws IOException {
    Encoding encoding = encodingOf(file);
    char separator;
    try (Reader reader = open(file, encoding)) {
      separator = separatorOf(reader);
    }
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
    TableCollector table = new TableCollector(TabularFormat.CSV, limits);
    try (Reader reader = open(file, encoding);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          if (e.getCause() instanceof CharacterCodingException) {
            throw rejected(HttpStatus.BAD_REQUEST, TabularFileRejected.ENCODING);
          }
          throw rejected(
              HttpStatus.BAD_REQUEST,
              TabularFileRejected.DAMAGED_AT_ROW,
              parser.getRecordNumber() + 1);
        }
        table.add(Math.toIntExact(record.getRecordNumber()), record.toList());
      }
    }
    return table.table();
  }

  /** The encoding of a whole file, and whether it starts with a UTF-8 byte order mark. */
  record Encoding(Charset charset, boolean bom) {}

  /**
   * UTF-8 when every byte sequence is valid UTF-8 (a byte order mark is skipped); Windows-1252 (the
   * "ANSI" of Excel on Windows) when no byte is part of a valid multi-byte UTF-8 sequence. When
   * both are there, the file mixes encodings: reading it either way would garble some letters, so
   * it is refused. So are UTF-16 files, NUL bytes (binary files) and the five bytes Windows-1252
   * leaves undefined.
   */
  static Encoding encodingOf(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      byte[] head = in.readNBytes(3);
      boolean bom =
          head.length == 3
              && (head[0] & 0xFF) == 0xEF
              && (head[1] & 0xFF) == 0xBB
              && (head[2] & 0xFF) == 0xBF;
      if (head.length >= 2
          && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
              || ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF))) {
        throw rejected(HttpStatus.BAD_REQUEST, TabularFileRejected.ENCODING);
      }
      Utf8Scan scan = new Utf8Scan();
      if (!bom) {
        for (byte b : head) {
          scan.accept(b & 0xFF);
        }
      }
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        for (int i = 0; i < n; i++) {
          scan.accept(buffer[i] & 0xFF);
        }
      }
      scan.end();
      if (scan.nul) {
        throw rejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, TabularFileRejected.UNSUPPORTED_TYPE);
      }
      if (scan.invalid == 0) {
        return new Encoding(StandardCharsets.UTF_8, bom);
      }
      if (bom || scan.multiByte > 0) {
        throw rejected(HttpStatus.BAD_REQUEST, TabularFileRejected.MIXED_ENCODING);
      }
      if (scan.undefinedIn1252) {
        throw rejected(HttpStatus.BAD_REQUEST, TabularFileRejected.ENCODING);
      }
      return new Encoding(WINDOWS_1252, false);
    }
  }

  /** A UTF-8 validator, one byte at a time (RFC 3629: no overlong forms, no surrogates). */
  private static final class Utf8Scan {
    long invalid;
    long multiByte;
    boolean nul;
    boolean undefinedIn1252;
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;

    void accept(int b) {
      nul |= b == 0;
      undefinedIn1252 |= b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
      if (pending > 0) {
        if (b >= low && b <= high) {
          low = 0x80;
          high = 0xBF;
          if (--pending == 0) {
            multiByte++;
          }
          return;
        }
        invalid++;
        pending = 0;
        low = 0x80;
        high = 0xBF;
      }
      if (b < 0x80) {
        return;
      }
      if (b >= 0xC2 && b <= 0xDF) {
        pending = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        pending = 2;
        low = b == 0xE0 ? 0xA0 : 0x80;
        high = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        pending = 3;
        low = b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        invalid++;
      }
    }

    void end() {
      if (pending > 0) {
        invalid++;
      }
    }
  }

  private static Reader open(Path file, Encoding encoding) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (encoding.bom()) {
      in.skipNBytes(3);
    }
    return new InputStreamReader(
        new BufferedInputStream(in),
        encoding
            .charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /**
   * Semicolon when the first line with text has more semicolons than commas outside quotes (Excel
   * in locales with a decimal comma), else comma.
   */
  static char separatorOf(Reader reader) throws IOException {
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    boolean text = false;
    for (int i = 0, c; i < HEADER_SCAN_CHARS && (c = reader.read()) >= 0; i++) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        if (text) {
          break;
        }
        commas = 0;
        semicolons = 0;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      }
      text |= !Character.isWhitespace(c) && c != ',' && c != ';';
    }
    return semicolons > commas ? ';' : ',';
  }
}
