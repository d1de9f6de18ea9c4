package ke.baraza.disclosures.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The channel's server-wide secret ({@code BARAZA_DISCLOSURES_SECRET}, base64 of at least 32 bytes;
 * otherwise made once and kept in {@code <data dir>/disclosures-secret.key}), never in the
 * database: the receipts' salt and the form-token key derive from it. A key made at each start keys
 * the hashes of client addresses, which live only in memory.
 */
@Component
class ChannelSecrets {

  private final byte[] receiptSalt;
  private final SecretKeySpec formKey;
  private final SecretKeySpec addressKey;

  ChannelSecrets(
      @Value("${baraza.disclosures.secret:${BARAZA_DISCLOSURES_SECRET:}}") String configured,
      @Value("${baraza.data-dir}") String dataDir) {
    byte[] secret =
        configured.isBlank() ? fromFile(Path.of(dataDir, "disclosures-secret.key")) : null;
    if (secret == null) {
      secret = Base64.getDecoder().decode(configured.strip());
    }
    if (secret.length < 32) {
      throw new IllegalStateException("BARAZA_DISCLOSURES_SECRET needs at least 32 bytes");
    }
    this.receiptSalt = hkdf(secret, "baraza/disclosures/receipt-salt", 16);
    this.formKey = new SecretKeySpec(hkdf(secret, "baraza/disclosures/form", 32), "HmacSHA256");
    this.addressKey = new SecretKeySpec(DisclosureCrypto.random(32), "HmacSHA256");
  }

  private static byte[] hkdf(byte[] secret, String info, int length) {
    return DisclosureCrypto.hkdf(secret, null, DisclosureCrypto.utf8(info), length);
  }

  private static byte[] fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(DisclosureCrypto.random(32)));
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // Windows: the data directory's own permissions apply
        }
      }
      return Base64.getDecoder().decode(Files.readString(file).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] receiptSalt() {
    return receiptSalt.clone();
  }

  byte[] formMac(byte[] data) {
    return mac(formKey, data);
  }

  /** A keyed hash of a client address; the address itself is never kept. */
  String addressHash(String address) {
    return Base64.getEncoder()
        .encodeToString(mac(addressKey, String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] mac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
