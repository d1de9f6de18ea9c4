package ke.baraza.disclosures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import ke.baraza.disclosures.internal.DisclosureCrypto.Argon2Cost;
import ke.baraza.disclosures.internal.DisclosureCrypto.CannotOpen;
import org.junit.jupiter.api.Test;

class DisclosureCryptoTests {

  static final Argon2Cost CHEAP = new Argon2Cost(1024, 1);

  @Test
  void sealedTextOpensOnlyWithTheSameKeyAndContext() throws CannotOpen {
    byte[] key = DisclosureCrypto.newDataKey();
    byte[] sealed = DisclosureCrypto.seal(key, "the tender was rigged".getBytes(), "disclosure:a");

    assertThat(new String(DisclosureCrypto.open(key, sealed, "disclosure:a")))
        .isEqualTo("the tender was rigged");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("tender");
    assertThatThrownBy(() -> DisclosureCrypto.open(key, sealed, "disclosure:b"))
        .isInstanceOf(CannotOpen.class);
    assertThatThrownBy(
            () -> DisclosureCrypto.open(DisclosureCrypto.newDataKey(), sealed, "disclosure:a"))
        .isInstanceOf(CannotOpen.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> DisclosureCrypto.open(key, sealed, "disclosure:a"))
        .isInstanceOf(CannotOpen.class);
  }

  @Test
  void aWrappedDataKeyUnwrapsOnlyForItsHandler() throws CannotOpen {
    byte[] dataKey = DisclosureCrypto.newDataKey();
    KeyPair handler = DisclosureCrypto.newHandlerKeys();
    KeyPair other = DisclosureCrypto.newHandlerKeys();
    byte[] wrapped = DisclosureCrypto.wrap(dataKey, handler.getPublic(), "k:1");

    assertThat(DisclosureCrypto.unwrap(wrapped, handler.getPrivate(), handler.getPublic(), "k:1"))
        .isEqualTo(dataKey);
    assertThatThrownBy(
            () -> DisclosureCrypto.unwrap(wrapped, other.getPrivate(), other.getPublic(), "k:1"))
        .isInstanceOf(CannotOpen.class);
    assertThatThrownBy(
            () ->
                DisclosureCrypto.unwrap(wrapped, handler.getPrivate(), handler.getPublic(), "k:2"))
        .isInstanceOf(CannotOpen.class);
    assertThat(DisclosureCrypto.wrap(dataKey, handler.getPublic(), "k:1"))
        .as("a fresh ephemeral key each time")
        .isNotEqualTo(wrapped);
  }

  @Test
  void aHandlersPrivateKeyOpensOnlyWithTheirPassphrase() throws CannotOpen {
    KeyPair pair = DisclosureCrypto.newHandlerKeys();
    DisclosureCrypto.SealedPrivateKey sealed =
        DisclosureCrypto.sealPrivateKey(
            pair.getPrivate(), "mvua ya masika itanyesha".toCharArray(), CHEAP, "handler:x");

    PrivateKey opened =
        DisclosureCrypto.openPrivateKey(
            sealed, "mvua ya masika itanyesha".toCharArray(), CHEAP, "handler:x");
    assertThat(opened.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    assertThatThrownBy(
            () ->
                DisclosureCrypto.openPrivateKey(
                    sealed, "mvua ya masika itanyesha!".toCharArray(), CHEAP, "handler:x"))
        .isInstanceOf(CannotOpen.class);
    assertThatThrownBy(
            () ->
                DisclosureCrypto.openPrivateKey(
                    sealed, "mvua ya masika itanyesha".toCharArray(), CHEAP, "handler:y"))
        .isInstanceOf(CannotOpen.class);
  }

  @Test
  void argon2idMatchesTheRfc9106TestVector() {
    // RFC 9106 5.3 uses secret and associated data, which this API does not take; the reference
    // implementation's vector without them (argon2 "password" -id -t 2 -m 16 -p 1 -l 32, salt
    // "somesalt") is checked instead.
    byte[] out =
        DisclosureCrypto.argon2id(
            "password".getBytes(StandardCharsets.UTF_8),
            "somesalt".getBytes(StandardCharsets.UTF_8),
            new Argon2Cost(65536, 2),
            32);
    assertThat(java.util.HexFormat.of().formatHex(out))
        .isEqualTo("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
  }
}
