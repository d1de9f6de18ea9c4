package ke.baraza.disclosures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiptsTests {

  @Test
  void aReceiptIsTwentyBase32CharactersInFiveGroupsAndHoldsAHundredRandomBits() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String receipt = Receipts.generate();
      assertThat(receipt).matches("([0-9A-HJKMNP-TV-Z]{4} ){4}[0-9A-HJKMNP-TV-Z]{4}");
      seen.add(receipt);
    }
    assertThat(seen).hasSize(200);
    assertThat(Receipts.LENGTH * Integer.numberOfTrailingZeros(Receipts.ALPHABET.length()))
        .isGreaterThanOrEqualTo(96);
  }

  @Test
  void typedReceiptsAreReadForgivinglyAndMalformedOnesRefused() {
    String receipt = Receipts.generate();
    String plain = receipt.replace(" ", "");
    assertThat(Receipts.normalise(receipt)).contains(plain);
    assertThat(Receipts.normalise(" " + receipt.toLowerCase().replace(' ', '-') + " "))
        .contains(plain);
    assertThat(Receipts.normalise("OIL0 0000 0000 0000 0000"))
        .contains("0110000000000000000" + "0");
    assertThat(Receipts.normalise("short")).isEmpty();
    assertThat(Receipts.normalise(plain + "0")).isEmpty();
    assertThat(Receipts.normalise("UUUU UUUU UUUU UUUU UUUU")).isEmpty();
    assertThat(Receipts.normalise(null)).isEmpty();
  }

  @Test
  void theSameReceiptAlwaysGivesTheSameLookupAndADifferentKeyFromTheLookup() {
    byte[] salt = DisclosureCrypto.random(16);
    String plain = Receipts.normalise(Receipts.generate()).orElseThrow();
    Receipts.Derived first = Receipts.derive(plain, salt);
    Receipts.Derived again = Receipts.derive(plain, salt);
    assertThat(again.lookup()).isEqualTo(first.lookup()).hasSize(64);
    assertThat(again.key()).isEqualTo(first.key());
    assertThat(java.util.HexFormat.of().formatHex(first.key())).isNotEqualTo(first.lookup());
    assertThat(Receipts.derive(plain, DisclosureCrypto.random(16)).lookup())
        .as("another server's salt")
        .isNotEqualTo(first.lookup());
  }
}
