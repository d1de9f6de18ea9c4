package ke.baraza.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Photos generated here carry a real EXIF block with a GPS position (1°31'S 37°16'E, Machakos), XMP
 * and text; after {@link FileMetadata#strip} none of it is left and the picture is the same.
 */
public class FileMetadataTests {

  /** The GPS latitude's seconds as a TIFF rational, 4242/100: bytes no picture data repeats. */
  public static final byte[] GPS_SECONDS = HexFormat.of().parseHex("0000109200000064");

  @Test
  void removesExifWithGpsXmpAndCommentsFromAJpegAndKeepsThePicture() throws IOException {
    byte[] plain = write(picture(), "jpg");
    byte[] withGps =
        insertAfter(
            plain,
            2,
            segment(0xE1, concat(ascii("Exif\0\0"), tiffWithGps())),
            segment(0xE1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Kathiani</x:xmpmeta>")),
            segment(0xFE, ascii("Taken by Mama Njeri")));
    assertThat(indexOf(withGps, GPS_SECONDS)).isPositive();
    assertThat(ImageIO.read(new ByteArrayInputStream(withGps))).isNotNull();

    byte[] stripped = FileMetadata.strip(withGps);

    assertThat(indexOf(stripped, ascii("Exif"))).isNegative();
    assertThat(indexOf(stripped, GPS_SECONDS)).isNegative();
    assertThat(indexOf(stripped, ascii("xmpmeta"))).isNegative();
    assertThat(indexOf(stripped, ascii("Mama Njeri"))).isNegative();
    assertThat(stripped).isEqualTo(plain);
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(stripped));
    assertThat(read.getWidth()).isEqualTo(32);
    assertThat(read.getHeight()).isEqualTo(24);
  }

  @Test
  void removesExifAndTextChunksFromAPngAndKeepsEveryPixel() throws IOException {
    BufferedImage picture = picture();
    byte[] plain = write(picture, "png");
    int afterHeader = 8 + 8 + 13 + 4; // signature, IHDR
    byte[] withGps =
        insertAfter(
            plain,
            afterHeader,
            FileMetadata.pngChunk("eXIf", tiffWithGps()),
            FileMetadata.pngChunk("tEXt", ascii("Author\0Mama Njeri")),
            FileMetadata.pngChunk("iTXt", ascii("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>")),
            FileMetadata.pngChunk("tIME", new byte[] {7, (byte) 0xEA, 11, 23, 6, 0, 0}));
    assertThat(indexOf(withGps, GPS_SECONDS)).isPositive();

    byte[] stripped = FileMetadata.strip(withGps);

    assertThat(indexOf(stripped, GPS_SECONDS)).isNegative();
    for (String type : List.of("eXIf", "tEXt", "iTXt", "tIME", "Mama Njeri")) {
      assertThat(indexOf(stripped, ascii(type))).as(type).isNegative();
    }
    assertThat(stripped).isEqualTo(plain);
    assertThat(pixels(ImageIO.read(new ByteArrayInputStream(stripped)))).isEqualTo(pixels(picture));
  }

  @Test
  void removesExifAndXmpChunksFromAWebpAndClearsTheirFlags() {
    // a 1x1 lossless WebP; its VP8L chunk is wrapped with VP8X, EXIF and XMP as a camera app does
    byte[] simple = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    byte[] vp8l = Arrays.copyOfRange(simple, 12, simple.length);
    byte[] vp8x = chunk("VP8X", new byte[] {0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    byte[] exif = chunk("EXIF", tiffWithGps());
    byte[] xmp = chunk("XMP ", ascii("<x:xmpmeta>Mitaboni</x:xmpmeta>"));
    byte[] withGps = riff(concat(vp8x, vp8l, exif, xmp));
    assertThat(indexOf(withGps, GPS_SECONDS)).isPositive();

    byte[] stripped = FileMetadata.strip(withGps);

    assertThat(indexOf(stripped, GPS_SECONDS)).isNegative();
    assertThat(indexOf(stripped, ascii("EXIF"))).isNegative();
    assertThat(indexOf(stripped, ascii("xmpmeta"))).isNegative();
    byte[] clearedVp8x = chunk("VP8X", new byte[10]);
    assertThat(stripped).isEqualTo(riff(concat(clearedVp8x, vp8l)));
    assertThat(ByteBuffer.wrap(stripped, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
        .isEqualTo(stripped.length - 8);
  }

  @Test
  void removesAuthorProducerAndXmpFromAPdfAndKeepsItsText() throws IOException {
    byte[] withAuthor = pdfWithAuthor();
    assertThat(indexOf(withAuthor, ascii("Mama Njeri"))).isPositive();

    byte[] stripped = FileMetadata.strip(withAuthor);

    assertThat(indexOf(stripped, ascii("Mama Njeri"))).isNegative();
    try (PDDocument read = Loader.loadPDF(stripped)) {
      PDDocumentInformation info = read.getDocumentInformation();
      assertThat(info.getAuthor()).isNull();
      assertThat(info.getCreator()).isNull();
      assertThat(info.getProducer()).isNull();
      assertThat(info.getCreationDate()).isNull();
      assertThat(read.getDocumentCatalog().getMetadata()).isNull();
      assertThat(read.getPage(0).getMetadata()).isNull();
      assertThat(new PDFTextStripper().getText(read)).contains("Tender 17 was awarded twice");
    }
  }

  @Test
  void refusesAnEncryptedPdfItCannotClean() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.protect(
          new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy(
              "owner", "user", new org.apache.pdfbox.pdmodel.encryption.AccessPermission()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      assertThatThrownBy(() -> FileMetadata.strip(out.toByteArray()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** A one-page PDF with an author, creator, producer and XMP naming "Mama Njeri", uncompressed. */
  public static byte[] pdfWithAuthor() throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 700);
        text.showText("Tender 17 was awarded twice");
        text.endText();
      }
      PDDocumentInformation info = document.getDocumentInformation();
      info.setAuthor("Mama Njeri");
      info.setCreator("Mama Njeri's laptop");
      info.setProducer("Office 2016");
      info.setCreationDate(java.util.Calendar.getInstance());
      PDMetadata xmp =
          new PDMetadata(
              document,
              new ByteArrayInputStream(
                  ascii("<x:xmpmeta><dc:creator>Mama Njeri</dc:creator></x:xmpmeta>")));
      document.getDocumentCatalog().setMetadata(xmp);
      page.setMetadata(
          new PDMetadata(
              document, new ByteArrayInputStream(ascii("<x:xmpmeta>Mama Njeri</x:xmpmeta>"))));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }

  @Test
  void refusesWhatItCannotClean() {
    assertThatThrownBy(() -> FileMetadata.strip(ascii("<svg onload=alert(1)>")))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] cutJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x7F, 1, 2};
    assertThatThrownBy(() -> FileMetadata.strip(cutJpeg))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] cutPng =
        Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 14);
    assertThatThrownBy(() -> FileMetadata.strip(cutPng))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A big-endian TIFF block as EXIF stores it: IFD0 points to a GPS IFD with latitude 1°31'42.42" S
   * and longitude 37°16'0" E.
   */
  public static byte[] tiffWithGps() {
    ByteBuffer b = ByteBuffer.allocate(8 + 18 + 54 + 48).order(ByteOrder.BIG_ENDIAN);
    b.put(ascii("MM")).putShort((short) 42).putInt(8);
    // IFD0 at 8: one entry, GPSInfo -> 26
    b.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
    b.putInt(0);
    // GPS IFD at 26: four entries (2 + 4 * 12 + 4 = 54 bytes), rationals at 80
    b.putShort((short) 4);
    b.putShort((short) 1).putShort((short) 2).putInt(2).put(ascii("S\0\0\0"));
    b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(80);
    b.putShort((short) 3).putShort((short) 2).putInt(2).put(ascii("E\0\0\0"));
    b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(104);
    b.putInt(0);
    // latitude 1/1 31/1 4242/100, longitude 37/1 16/1 0/1
    b.putInt(1).putInt(1).putInt(31).putInt(1).put(GPS_SECONDS);
    b.putInt(37).putInt(1).putInt(16).putInt(1).putInt(0).putInt(1);
    return b.array();
  }

  /** A 32×24 JPEG photo whose EXIF names its GPS position and a comment names "Mama Njeri". */
  public static byte[] jpegWithGps() throws IOException {
    return insertAfter(
        write(picture(), "jpg"),
        2,
        segment(0xE1, concat(ascii("Exif\0\0"), tiffWithGps())),
        segment(0xFE, ascii("Taken by Mama Njeri")));
  }

  private static BufferedImage picture() {
    BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(0x31a354));
    g.fillRect(0, 0, 32, 24);
    g.setColor(Color.WHITE);
    g.fillOval(8, 4, 16, 16);
    g.dispose();
    return image;
  }

  private static byte[] write(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static byte[] segment(int marker, byte[] payload) {
    int length = payload.length + 2;
    return concat(
        new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
  }

  private static byte[] chunk(String type, byte[] data) {
    ByteBuffer b =
        ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii(type)).putInt(data.length).put(data);
    return b.array();
  }

  private static byte[] riff(byte[] chunks) {
    ByteBuffer b = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(chunks.length + 4).put(ascii("WEBP")).put(chunks);
    return b.array();
  }

  private static byte[] insertAfter(byte[] file, int at, byte[]... inserted) {
    return concat(
        Arrays.copyOf(file, at), concat(inserted), Arrays.copyOfRange(file, at, file.length));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Where {@code needle} first occurs in {@code haystack}, or -1. */
  public static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
