package ke.baraza.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodesTests {

  @Test
  void referencesHaveTheCountyPrefixAndFiveUnambiguousCharacters() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String reference = Codes.newReference("MKS");
      assertThat(reference).matches("MKS-[2-9A-HJ-NP-Z]{5}");
      seen.add(reference);
    }
    assertThat(seen).hasSizeGreaterThan(1990);
  }

  @Test
  void aTypedReferenceForgivesCaseSpacesAndAMissingDash() {
    assertThat(Codes.reference(" mks-7k3q9 ")).hasValue("MKS-7K3Q9");
    assertThat(Codes.reference("MKS 7K3Q9")).hasValue("MKS-7K3Q9");
    assertThat(Codes.reference("mks7k3q9")).hasValue("MKS-7K3Q9");
    assertThat(Codes.reference("MKS-7K3Q")).isEmpty();
    assertThat(Codes.reference("MKS-7K3O9")).as("O is not in the alphabet").isEmpty();
    assertThat(Codes.reference("../etc/passwd")).isEmpty();
    assertThat(Codes.reference(null)).isEmpty();
  }

  @Test
  void privateCodesCarryEightyRandomBitsAndMatchHoweverTheyAreTyped() {
    String code = Codes.secret();
    assertThat(code).matches("([2-9A-HJ-NP-Z]{4}-){3}[2-9A-HJ-NP-Z]{4}");
    assertThat(Codes.ALPHABET).hasSize(32);
    assertThat(Codes.SECRET_CHARS * 5).isGreaterThanOrEqualTo(80);
    String hash = Codes.secretHash(code).orElseThrow();
    assertThat(Codes.secretHash(code.toLowerCase().replace("-", " "))).hasValue(hash);
    assertThat(Codes.secretHash(code.replace("-", ""))).hasValue(hash);
    assertThat(hash).doesNotContain(code.replace("-", "")).hasSize(64);
    assertThat(Codes.secretHash(Codes.secret())).isNotEqualTo(Codes.secretHash(code));
    assertThat(Codes.secretHash("1234")).isEmpty();
  }
}
