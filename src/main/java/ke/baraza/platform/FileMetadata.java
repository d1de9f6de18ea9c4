package ke.baraza.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Removes the metadata a camera, phone or office program writes into a file (EXIF with its GPS
 * position, XMP, IPTC, comments, text chunks, a PDF's author and producer) before it is shown in
 * public or passed on as evidence. Images are cleaned by plain byte parsing, their picture data
 * copied unchanged; PDFs are rewritten by PDFBox.
 *
 * <ul>
 *   <li>JPEG: APP1 (EXIF, XMP), APP12, APP13 (IPTC/Photoshop) and COM segments are dropped; APP0
 *       (JFIF), APP2 (ICC profile) and APP14 (Adobe colour transform) are kept, as a decoder needs
 *       them to show the colours right.
 *   <li>PNG: {@code tEXt}, {@code zTXt}, {@code iTXt}, {@code eXIf} and {@code tIME} chunks are
 *       dropped.
 *   <li>WebP: {@code EXIF} and {@code XMP } chunks are dropped, the matching flags of {@code VP8X}
 *       cleared and the RIFF size rewritten.
 *   <li>PDF: the document information (author, creator, producer, dates, custom keys), the XMP
 *       metadata of the document and of its pages, the applications' private data ({@code
 *       PieceInfo}) and the file identifier are removed, and the file is written anew, which drops
 *       earlier revisions kept by incremental saves. What the pages show (text, pictures, and any
 *       metadata inside embedded pictures) stays as it is.
 * </ul>
 */
public final class FileMetadata {

  private static final Set<String> PNG_DROPPED = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private FileMetadata() {}

  /**
   * The same file without its metadata.
   *
   * @param image a whole JPEG, PNG, WebP or PDF file; not null
   * @return a new array; the input is not changed
   * @throws IllegalArgumentException when the bytes are none of the four formats, are cut short or
   *     malformed, or are an encrypted PDF, so that a file that cannot be cleaned is never passed
   *     on as if it were
   */
  public static byte[] strip(byte[] image) {
    if (image.length >= 5 && ascii(image, 0, 5).equals("%PDF-")) {
      return pdf(image);
    }
    if (image.length >= 3
        && (image[0] & 0xFF) == 0xFF
        && (image[1] & 0xFF) == 0xD8
        && (image[2] & 0xFF) == 0xFF) {
      return jpeg(image);
    }
    if (image.length >= 8 && Arrays.equals(Arrays.copyOf(image, 8), PNG_SIGNATURE)) {
      return png(image);
    }
    if (image.length >= 12
        && ascii(image, 0, 4).equals("RIFF")
        && ascii(image, 8, 4).equals("WEBP")) {
      return webp(image);
    }
    throw new IllegalArgumentException("Not a JPEG, PNG or WebP image");
  }

  private static byte[] pdf(byte[] in) {
    try (PDDocument document = Loader.loadPDF(in)) {
      if (document.isEncrypted()) {
        throw new IllegalArgumentException("Encrypted PDF");
      }
      document.setDocumentInformation(new PDDocumentInformation());
      PDDocumentCatalog catalog = document.getDocumentCatalog();
      catalog.setMetadata(null);
      catalog.getCOSObject().removeItem(COSName.PIECE_INFO);
      for (PDPage page : document.getPages()) {
        page.setMetadata(null);
        page.getCOSObject().removeItem(COSName.PIECE_INFO);
      }
      document.getDocument().getTrailer().removeItem(COSName.ID);
      ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("Malformed PDF", e);
    }
  }

  private static byte[] jpeg(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(0xFF);
    out.write(0xD8);
    int i = 2;
    while (true) {
      if (i + 1 >= in.length || (in[i] & 0xFF) != 0xFF) {
        throw new IllegalArgumentException("Malformed JPEG segment at " + i);
      }
      int marker = in[i + 1] & 0xFF;
      if (marker == 0xFF) { // fill byte
        i++;
        continue;
      }
      if (marker == 0xD9) { // end of image without scan data
        out.write(in, i, 2);
        return out.toByteArray();
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without length
        out.write(in, i, 2);
        i += 2;
        continue;
      }
      if (i + 3 >= in.length) {
        throw new IllegalArgumentException("JPEG cut short");
      }
      int length = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
      int end = i + 2 + length;
      if (length < 2 || end > in.length) {
        throw new IllegalArgumentException("Malformed JPEG segment length at " + i);
      }
      if (marker == 0xDA) { // start of scan: the rest is image data (and later markers)
        out.write(in, i, in.length - i);
        return out.toByteArray();
      }
      boolean dropped = marker == 0xE1 || marker == 0xEC || marker == 0xED || marker == 0xFE;
      if (!dropped) {
        out.write(in, i, end - i);
      }
      i = end;
    }
  }

  private static byte[] png(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(in, 0, 8);
    int i = 8;
    while (i < in.length) {
      if (i + 12 > in.length) {
        throw new IllegalArgumentException("PNG cut short");
      }
      long length = readInt(in, i, false) & 0xFFFFFFFFL;
      String type = ascii(in, i + 4, 4);
      long end = i + 12 + length;
      if (end > in.length) {
        throw new IllegalArgumentException("Malformed PNG chunk " + type);
      }
      if (!PNG_DROPPED.contains(type)) {
        out.write(in, i, (int) (end - i));
      }
      i = (int) end;
      if (type.equals("IEND")) {
        return out.toByteArray();
      }
    }
    throw new IllegalArgumentException("PNG without IEND");
  }

  private static byte[] webp(byte[] in) {
    long riffEnd = Math.min(in.length, 8 + (readInt(in, 4, true) & 0xFFFFFFFFL));
    ByteArrayOutputStream chunks = new ByteArrayOutputStream(in.length);
    int i = 12;
    while (i + 8 <= riffEnd) {
      String type = ascii(in, i, 4);
      long size = readInt(in, i + 4, true) & 0xFFFFFFFFL;
      long padded = size + (size & 1);
      long end = i + 8 + padded;
      if (i + 8 + size > riffEnd) {
        throw new IllegalArgumentException("Malformed WebP chunk " + type);
      }
      end = Math.min(end, riffEnd);
      if (type.equals("VP8X") && size >= 1) {
        byte[] copy = Arrays.copyOfRange(in, i, (int) end);
        copy[8] &= (byte) ~0x0C; // clear the EXIF (0x08) and XMP (0x04) flags
        chunks.writeBytes(copy);
      } else if (!type.equals("EXIF") && !type.equals("XMP ")) {
        chunks.write(in, i, (int) (end - i));
      }
      i = (int) end;
    }
    byte[] body = chunks.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    int size = body.length + 4;
    out.write(size & 0xFF);
    out.write((size >> 8) & 0xFF);
    out.write((size >> 16) & 0xFF);
    out.write((size >> 24) & 0xFF);
    out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** A PNG chunk with its CRC, for building test images and for callers that add chunks. */
  static byte[] pngChunk(String type, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 12);
    writeInt(out, data.length);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    writeInt(out, (int) crc.getValue());
    return out.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write((value >>> 24) & 0xFF);
    out.write((value >>> 16) & 0xFF);
    out.write((value >>> 8) & 0xFF);
    out.write(value & 0xFF);
  }

  private static int readInt(byte[] in, int at, boolean littleEndian) {
    int b0 = in[at] & 0xFF, b1 = in[at + 1] & 0xFF, b2 = in[at + 2] & 0xFF, b3 = in[at + 3] & 0xFF;
    return littleEndian
        ? b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)
        : (b0 << 24) | (b1 << 16) | (b2 << 8) | b3;
  }

  private static String ascii(byte[] in, int at, int length) {
    return new String(in, at, length, StandardCharsets.ISO_8859_1);
  }
}
