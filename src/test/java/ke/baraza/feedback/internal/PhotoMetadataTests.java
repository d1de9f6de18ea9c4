package ke.baraza.feedback.internal;

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
import org.junit.jupiter.api.Test;

/**
 * Photos generated here carry a real EXIF block with a GPS position (1°31'S 37°16'E, Machakos), XMP
 * and text; after {@link PhotoMetadata#strip} none of it is left and the picture is the same.
 */
class PhotoMetadataTests {

  /** The GPS latitude's seconds as a TIFF rational, 4242/100: bytes no picture data repeats. */
  private static final byte[] GPS_SECONDS = HexFormat.of().parseHex("0000109200000064");

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

    byte[] stripped = PhotoMetadata.strip(withGps);

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
            PhotoMetadata.pngChunk("eXIf", tiffWithGps()),
            PhotoMetadata.pngChunk("tEXt", ascii("Author\0Mama Njeri")),
            PhotoMetadata.pngChunk("iTXt", ascii("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>")),
            PhotoMetadata.pngChunk("tIME", new byte[] {7, (byte) 0xEA, 11, 23, 6, 0, 0}));
    assertThat(indexOf(withGps, GPS_SECONDS)).isPositive();

    byte[] stripped = PhotoMetadata.strip(withGps);

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

    byte[] stripped = PhotoMetadata.strip(withGps);

    assertThat(indexOf(stripped, GPS_SECONDS)).isNegative();
    assertThat(indexOf(stripped, ascii("EXIF"))).isNegative();
    assertThat(indexOf(stripped, ascii("xmpmeta"))).isNegative();
    byte[] clearedVp8x = chunk("VP8X", new byte[10]);
    assertThat(stripped).isEqualTo(riff(concat(clearedVp8x, vp8l)));
    assertThat(ByteBuffer.wrap(stripped, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
        .isEqualTo(stripped.length - 8);
  }

  @Test
  void refusesWhatItCannotClean() {
    assertThatThrownBy(() -> PhotoMetadata.strip(ascii("<svg onload=alert(1)>")))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] cutJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x7F, 1, 2};
    assertThatThrownBy(() -> PhotoMetadata.strip(cutJpeg))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] cutPng =
        Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 14);
    assertThatThrownBy(() -> PhotoMetadata.strip(cutPng))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A big-endian TIFF block as EXIF stores it: IFD0 points to a GPS IFD with latitude 1°31'42.42" S
   * and longitude 37°16'0" E.
   */
  static byte[] tiffWithGps() {
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

  private static int indexOf(byte[] haystack, byte[] needle) {
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
