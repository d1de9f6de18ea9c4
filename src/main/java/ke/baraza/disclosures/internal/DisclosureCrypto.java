package ke.baraza.disclosures.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The cryptography of the disclosure channel, plain Java: AES-256-GCM sealing, X25519 + HKDF-SHA256
 * key wrapping, Argon2id key derivation. Described in {@code docs/disclosures.md}.
 */
public final class DisclosureCrypto {

  /** Bytes of an AES-256 key. */
  public static final int KEY_BYTES = 32;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] WRAP_INFO = utf8("baraza/disclosures/wrap/v1");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Argon2id cost: memory in KiB and passes (parallelism 1). */
  public record Argon2Cost(int memoryKib, int iterations) {
    /** OWASP's minimum for Argon2id: 19 MiB, 2 passes. */
    public static final Argon2Cost RECEIPT = new Argon2Cost(19_456, 2);

    /** Handlers' passphrases unlock every disclosure of their bodies: dearer, 64 MiB, 3 passes. */
    public static final Argon2Cost PASSPHRASE = new Argon2Cost(65_536, 3);
  }

  /** Wrong key, wrong passphrase or tampered data. */
  public static final class CannotOpen extends Exception {
    CannotOpen() {
      super("cannot open", null, false, false);
    }
  }

  private DisclosureCrypto() {}

  /** {@code n} random bytes from the system's strong generator. */
  public static byte[] random(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** A new random AES-256 data key. */
  public static byte[] newDataKey() {
    return random(KEY_BYTES);
  }

  /**
   * Encrypts with AES-256-GCM under {@code key}, binding {@code context} (authenticated, not
   * stored); returns nonce and ciphertext with tag.
   */
  public static byte[] seal(byte[] key, byte[] plaintext, String context) {
    try {
      byte[] nonce = random(NONCE_BYTES);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(utf8(context));
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Decrypts what {@link #seal} made with the same key and context.
   *
   * @throws CannotOpen for a wrong key or context, or altered data
   */
  public static byte[] open(byte[] key, byte[] sealed, String context) throws CannotOpen {
    if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8 || key.length != KEY_BYTES) {
      throw new CannotOpen();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(utf8(context));
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new CannotOpen();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new X25519 key pair. */
  public static KeyPair newHandlerKeys() {
    try {
      return KeyPairGenerator.getInstance("X25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An X25519 public key from its X.509 encoding. */
  public static PublicKey publicKey(byte[] x509) {
    try {
      return KeyFactory.getInstance("XDH").generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an X25519 public key", e);
    }
  }

  /** An X25519 private key from its PKCS#8 encoding. */
  public static PrivateKey privateKey(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance("XDH").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an X25519 private key", e);
    }
  }

  /**
   * Wraps {@code dataKey} for the holder of {@code recipient}: an ephemeral X25519 agreement, HKDF-
   * SHA256 over the shared secret (salt: both public keys) and AES-256-GCM bound to {@code
   * context}. Returns the ephemeral public key (X.509, its length in the first byte) and the sealed
   * data key.
   */
  public static byte[] wrap(byte[] dataKey, PublicKey recipient, String context) {
    KeyPair ephemeral = newHandlerKeys();
    byte[] ephemeralPublic = ephemeral.getPublic().getEncoded();
    byte[] kek = agree(ephemeral.getPrivate(), recipient, ephemeralPublic, recipient.getEncoded());
    try {
      byte[] sealed = seal(kek, dataKey, context);
      return ByteBuffer.allocate(1 + ephemeralPublic.length + sealed.length)
          .put((byte) ephemeralPublic.length)
          .put(ephemeralPublic)
          .put(sealed)
          .array();
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /**
   * Unwraps what {@link #wrap} made for the public key of {@code own}.
   *
   * @throws CannotOpen when the key was wrapped for someone else, or altered
   */
  public static byte[] unwrap(byte[] wrapped, PrivateKey own, PublicKey ownPublic, String context)
      throws CannotOpen {
    if (wrapped == null || wrapped.length < 2 || wrapped.length < 1 + (wrapped[0] & 0xff)) {
      throw new CannotOpen();
    }
    int length = wrapped[0] & 0xff;
    byte[] ephemeralPublic = Arrays.copyOfRange(wrapped, 1, 1 + length);
    PublicKey ephemeral;
    try {
      ephemeral = publicKey(ephemeralPublic);
    } catch (IllegalArgumentException e) {
      throw new CannotOpen();
    }
    byte[] kek = agree(own, ephemeral, ephemeralPublic, ownPublic.getEncoded());
    try {
      return open(kek, Arrays.copyOfRange(wrapped, 1 + length, wrapped.length), context);
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  private static byte[] agree(
      PrivateKey own, PublicKey other, byte[] ephemeralPublic, byte[] recipientPublic) {
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("XDH");
      agreement.init(own);
      agreement.doPhase(other, true);
      byte[] shared = agreement.generateSecret();
      byte[] salt =
          ByteBuffer.allocate(ephemeralPublic.length + recipientPublic.length)
              .put(ephemeralPublic)
              .put(recipientPublic)
              .array();
      byte[] kek = hkdf(shared, salt, WRAP_INFO, KEY_BYTES);
      Arrays.fill(shared, (byte) 0);
      return kek;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HKDF-SHA256 (RFC 5869) of {@code length} bytes. */
  public static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[length];
    hkdf.generateBytes(out, 0, length);
    return out;
  }

  /** Argon2id (RFC 9106, version 1.3) of {@code secret} with {@code salt}: {@code length} bytes. */
  public static byte[] argon2id(byte[] secret, byte[] salt, Argon2Cost cost, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(cost.memoryKib())
            .withIterations(cost.iterations())
            .withParallelism(1)
            .build());
    byte[] out = new byte[length];
    generator.generateBytes(secret, out);
    return out;
  }

  /** A handler's private key sealed under their passphrase, with the parameters to open it. */
  public record SealedPrivateKey(byte[] salt, byte[] sealed) {}

  /**
   * Seals {@code privateKey} under a key derived with Argon2id from {@code passphrase} and a new
   * random salt; {@code context} (the handler's id) is bound to it.
   */
  public static SealedPrivateKey sealPrivateKey(
      PrivateKey privateKey, char[] passphrase, Argon2Cost cost, String context) {
    byte[] salt = random(16);
    byte[] kek = argon2id(utf8(passphrase), salt, cost, KEY_BYTES);
    try {
      return new SealedPrivateKey(salt, seal(kek, privateKey.getEncoded(), context));
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /**
   * Opens a handler's private key with their passphrase.
   *
   * @throws CannotOpen for a wrong passphrase
   */
  public static PrivateKey openPrivateKey(
      SealedPrivateKey sealed, char[] passphrase, Argon2Cost cost, String context)
      throws CannotOpen {
    byte[] kek = argon2id(utf8(passphrase), sealed.salt(), cost, KEY_BYTES);
    try {
      return privateKey(open(kek, sealed.sealed(), context));
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] utf8(char[] text) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(text));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
