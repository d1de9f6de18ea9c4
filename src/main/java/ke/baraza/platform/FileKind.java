package ke.baraza.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of file Baraza keeps, each recognised by its first bytes ("magic numbers"), never by
 * its name or the type a browser declares. Nothing that a browser would run (HTML, SVG, scripts) is
 * among them.
 */
public enum FileKind {
  /** A PDF document: starts with {@code %PDF-}. */
  PDF("application/pdf", "PDF", List.of("pdf")),
  /** A PNG image: the eight-byte PNG signature. */
  PNG("image/png", "PNG", List.of("png")),
  /** A JPEG image (photos, scans): starts with {@code FF D8 FF}. */
  JPEG("image/jpeg", "JPEG", List.of("jpg", "jpeg")),
  /** A WebP image: a RIFF container of type {@code WEBP}. */
  WEBP("image/webp", "WebP", List.of("webp"));

  /** How many bytes {@link #sniff} needs to decide. */
  public static final int HEAD_BYTES = 12;

  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
  private static final byte[] WEBP_TYPE = {'W', 'E', 'B', 'P'};

  private final String mediaType;
  private final String label;
  private final List<String> extensions;

  FileKind(String mediaType, String label, List<String> extensions) {
    this.mediaType = mediaType;
    this.label = label;
    this.extensions = extensions;
  }

  /** The media type files of this kind are served with, e.g. {@code application/pdf}. */
  public String mediaType() {
    return mediaType;
  }

  /** The name people know the kind by, e.g. {@code JPEG}; the same in both languages. */
  public String label() {
    return label;
  }

  /** File name extensions of this kind, lower case without the dot; the first is the usual one. */
  public List<String> extensions() {
    return extensions;
  }

  /**
   * The kind whose signature {@code head} starts with.
   *
   * @param head the first bytes of a file ({@link #HEAD_BYTES} suffice; fewer when the file is
   *     shorter), not null
   * @return the kind, or empty when the bytes are none of the kinds (text, HTML, programs,
   *     archives, other images)
   */
  public static Optional<FileKind> sniff(byte[] head) {
    if (startsWith(head, 0, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(head, 0, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, 0, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP_TYPE)) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /** The kinds' labels for a message, in declaration order: {@code "PDF, JPEG"}. */
  public static String labels(Set<FileKind> kinds) {
    return Arrays.stream(values())
        .filter(kinds::contains)
        .map(FileKind::label)
        .collect(Collectors.joining(", "));
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    return bytes.length >= offset + prefix.length
        && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
