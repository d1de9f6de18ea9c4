package ke.baraza.disclosures.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The questionnaire's answers, as encrypted together (identity empty unless revealed). */
public record Report(
    String what,
    String who,
    String where,
    String when,
    String howKnown,
    String othersKnow,
    String identity) {

  /**
   * The message key of an answer to "do others know?" ({@code YES}, {@code NO}, {@code UNSURE}).
   */
  public static String othersKnowKey(String answer) {
    return "disclosures.others-know." + answer.toLowerCase(java.util.Locale.ROOT);
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      for (String field : new String[] {what, who, where, when, howKnown, othersKnow, identity}) {
        out.writeUTF(field == null ? "" : field);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Report decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      in.readByte();
      return new Report(
          in.readUTF(),
          in.readUTF(),
          in.readUTF(),
          in.readUTF(),
          in.readUTF(),
          in.readUTF(),
          in.readUTF());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
