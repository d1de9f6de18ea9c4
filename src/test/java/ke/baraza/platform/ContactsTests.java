package ke.baraza.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactsTests {

  @Test
  void normalisesKenyanNumbersWrittenEveryUsualWayToE164() {
    assertThat(Contacts.kenyanPhone("0712 345 678")).hasValue("+254712345678");
    assertThat(Contacts.kenyanPhone("0712345678")).hasValue("+254712345678");
    assertThat(Contacts.kenyanPhone("254712345678")).hasValue("+254712345678");
    assertThat(Contacts.kenyanPhone("+254 712-345-678")).hasValue("+254712345678");
    assertThat(Contacts.kenyanPhone("0110 123456")).hasValue("+254110123456");
  }

  @Test
  void refusesNumbersThatAreNotKenyanOrNotNumbers() {
    assertThat(Contacts.kenyanPhone("+255 712 345 678")).isEmpty();
    assertThat(Contacts.kenyanPhone("12345")).isEmpty();
    assertThat(Contacts.kenyanPhone("not a number")).isEmpty();
    assertThat(Contacts.kenyanPhone("+254711blpnd5")).isEmpty();
    assertThat(Contacts.kenyanPhone("0711 BARAZA")).isEmpty();
    assertThat(Contacts.kenyanPhone("")).isEmpty();
    assertThat(Contacts.kenyanPhone(null)).isEmpty();
  }

  @Test
  void lowerCasesEmailAndRefusesMalformedOnes() {
    assertThat(Contacts.email("  Amina.Wanjiru@Example.ORG "))
        .hasValue("amina.wanjiru@example.org");
    assertThat(Contacts.email("amina@")).isEmpty();
    assertThat(Contacts.email("amina@example")).isEmpty();
    assertThat(Contacts.email("a b@example.org")).isEmpty();
    assertThat(Contacts.email("x".repeat(250) + "@example.org")).isEmpty();
  }
}
