package ke.baraza.platform.internal;

import static ke.baraza.platform.internal.TabularReading.megabytes;
import static ke.baraza.platform.internal.TabularReading.rejected;
import static ke.baraza.platform.internal.TabularReading.tooLarge;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import ke.baraza.platform.TabularFileRejected;
import ke.baraza.platform.TabularFiles.Limits;
import org.springframework.http.HttpStatus;

/**
 * A ZIP opened only after its central directory passed the limits: number of entries and the sum of
 * their declared sizes. Declared sizes can lie, so every part is also counted as it is unpacked,
 * against the same budget, and each XML tag (where a parser keeps a whole attribute in memory) is
 * capped in length.
 */
final class GuardedZip implements Closeable {

  /** Longest tag a sheet may hold; Excel's are a few dozen bytes. */
  static final int MAX_TAG_BYTES = 1 << 20;

  private final ZipFile zip;
  private final long maxUnzippedBytes;
  private long unzipped;

  GuardedZip(Path file, Limits limits) throws IOException {
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw rejected(HttpStatus.BAD_REQUEST, TabularFileRejected.DAMAGED);
    }
    try {
      maxUnzippedBytes = limits.maxUnzippedBytes();
      if (zip.size() > limits.maxZipEntries()) {
        throw tooLarge(TabularFileRejected.TOO_MANY_PARTS, limits.maxZipEntries());
      }
      long declared = 0;
      for (ZipEntry entry : Collections.list(zip.entries())) {
        declared += Math.max(0, entry.getSize());
        if (entry.getSize() > maxUnzippedBytes || declared > maxUnzippedBytes) {
          throw tooLarge(TabularFileRejected.UNPACKS_TOO_LARGE, megabytes(maxUnzippedBytes));
        }
      }
    } catch (RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  /** Whether a part of that name exists ({@link #open} rules). */
  boolean has(String name) {
    return entry(name) != null;
  }

  /**
   * The part {@code name} (a leading "/" ignored; matched ignoring case if not exactly), or null.
   */
  InputStream open(String name) throws IOException {
    ZipEntry entry = entry(name);
    if (entry == null) {
      return null;
    }
    try {
      return new Counted(zip.getInputStream(entry));
    } catch (ZipException e) {
      throw rejected(HttpStatus.BAD_REQUEST, TabularFileRejected.DAMAGED);
    }
  }

  private ZipEntry entry(String name) {
    String path = name.startsWith("/") ? name.substring(1) : name;
    ZipEntry exact = zip.getEntry(path);
    if (exact != null) {
      return exact;
    }
    String lower = path.toLowerCase(Locale.ROOT);
    return zip.stream()
        .filter(e -> e.getName().toLowerCase(Locale.ROOT).equals(lower))
        .findFirst()
        .orElse(null);
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /** Counts unpacked bytes against the budget and measures tags. */
  private final class Counted extends FilterInputStream {

    private static final int TEXT = 0;
    private static final int TAG = 1;
    private static final int DOUBLE_QUOTED = 2;
    private static final int SINGLE_QUOTED = 3;
    private int state = TEXT;
    private int tagBytes;

    Counted(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = super.read(buffer, offset, length);
      } catch (ZipException e) {
        throw rejected(HttpStatus.BAD_REQUEST, TabularFileRejected.DAMAGED);
      }
      if (n > 0) {
        count(buffer, offset, n);
      }
      return n;
    }

    private void count(byte[] buffer, int offset, int n) {
      unzipped += n;
      if (unzipped > maxUnzippedBytes) {
        throw tooLarge(TabularFileRejected.UNPACKS_TOO_LARGE, megabytes(maxUnzippedBytes));
      }
      for (int i = offset; i < offset + n; i++) {
        byte b = buffer[i];
        state =
            switch (state) {
              case TEXT -> b == '<' ? TAG : TEXT;
              case TAG ->
                  b == '>' ? TEXT : b == '"' ? DOUBLE_QUOTED : b == '\'' ? SINGLE_QUOTED : TAG;
              case DOUBLE_QUOTED -> b == '"' ? TAG : DOUBLE_QUOTED;
              default -> b == '\'' ? TAG : SINGLE_QUOTED;
            };
        tagBytes = state == TEXT ? 0 : tagBytes + 1;
        if (tagBytes > MAX_TAG_BYTES) {
          throw rejected(HttpStatus.BAD_REQUEST, TabularFileRejected.DAMAGED);
        }
      }
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] sink = new byte[(int) Math.min(n, 8192)];
      int read = read(sink, 0, sink.length);
      return Math.max(read, 0);
    }
  }
}
