package ke.baraza.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import ke.baraza.platform.TabularFileRejected;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Table;
import org.springframework.http.HttpStatus;

/**
 * Behind {@link ke.baraza.platform.TabularFiles#read}: copies the upload to a temporary file (at
 * most the size limit, readable by this process only, deleted afterwards), looks at its first
 * bytes, and hands it to the CSV or the XLSX reader.
 */
public final class TabularReading {

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };

  /** Other formats people upload by mistake; text and NUL bytes catch the rest. */
  private static final byte[][] OTHER_BINARY = {
    {'%', 'P', 'D', 'F'},
    {(byte) 0x89, 'P', 'N', 'G'},
    {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
    {'G', 'I', 'F', '8'},
    {'P', 'K'},
    {0x1F, (byte) 0x8B},
    {'R', 'a', 'r', '!'},
    {'7', 'z', (byte) 0xBC, (byte) 0xAF}
  };

  private TabularReading() {}

  public static Table read(InputStream in, String fileName, Limits limits) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(limits, "limits");
    Path copy = Files.createTempFile("baraza-upload-", ".tmp");
    try {
      copyAtMost(in, copy, limits.maxFileBytes());
      byte[] head = head(copy);
      if (head.length == 0) {
        throw rejected(HttpStatus.BAD_REQUEST, TabularFileRejected.EMPTY);
      }
      if (startsWith(head, ZIP)) {
        return XlsxTables.read(copy, limits);
      }
      if (startsWith(head, OLE2)) {
        throw rejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, TabularFileRejected.OLD_OR_PROTECTED);
      }
      if (Arrays.stream(OTHER_BINARY).anyMatch(magic -> startsWith(head, magic))
          || !namedAsText(fileName)) {
        throw rejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, TabularFileRejected.UNSUPPORTED_TYPE);
      }
      return CsvTables.read(copy, limits);
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  static TabularFileRejected rejected(HttpStatus status, String key, Object... args) {
    return new TabularFileRejected(status, key, args);
  }

  static TabularFileRejected tooLarge(String key, Object... args) {
    return new TabularFileRejected(HttpStatus.CONTENT_TOO_LARGE, key, args);
  }

  static long megabytes(long bytes) {
    return Math.max(1, bytes >> 20);
  }

  private static void copyAtMost(InputStream in, Path copy, long maxBytes) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(copy)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(TabularFileRejected.TOO_LARGE, megabytes(maxBytes));
        }
        out.write(buffer, 0, n);
      }
    }
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(8);
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean namedAsText(String fileName) {
    if (fileName == null) {
      return true;
    }
    String name =
        fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    return extension.isEmpty() || extension.equals("csv") || extension.equals("txt");
  }
}
