package ke.baraza.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import ke.baraza.directory.Demographics;
import ke.baraza.directory.Demographics.AgeBand;
import ke.baraza.directory.Demographics.Gender;
import org.junit.jupiter.api.Test;

class PersonTests {

  static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
  static final Demographics TOLD = new Demographics(Gender.FEMALE, AgeBand.AGE_25_35, true);

  @Test
  void keepsDemographicsOnlyWhileConsentIsGiven() {
    Person refused = new Person("016", details("a@example.org", null, false, TOLD), null, NOW);
    assertThat(refused.demographics()).isEqualTo(Demographics.NONE);
    assertThat(refused.consentAt()).isNull();

    Person consented = new Person("016", details("b@example.org", null, true, TOLD), null, NOW);
    assertThat(consented.demographics()).isEqualTo(TOLD);
    assertThat(consented.consentAt()).isEqualTo(NOW);
    consented.apply(details("b@example.org", null, true, TOLD), NOW.plusSeconds(60));
    assertThat(consented.consentAt()).as("the first consent counts").isEqualTo(NOW);

    consented.apply(details("b@example.org", null, false, TOLD), NOW.plusSeconds(120));
    assertThat(consented.demographics()).isEqualTo(Demographics.NONE);
    assertThat(consented.consentAt()).isNull();
  }

  @Test
  void youthBandsEndAtThirtyFive() {
    assertThat(AgeBand.values())
        .filteredOn(AgeBand::youth)
        .containsExactly(AgeBand.AGE_18_24, AgeBand.AGE_25_35);
  }

  @Test
  void aMergeKeepsTheSurvivorsTitlesAndFillsItsGaps() {
    Person survivor = new Person("016", details("c@example.org", null, false, TOLD), null, NOW);
    survivor.join(1L, "Chair");
    survivor.join(2L, "");
    Person duplicate =
        new Person("016", details("c@example.org", "+254712345678", true, TOLD), null, NOW);
    duplicate.join(1L, "Member");
    duplicate.join(2L, "Treasurer");
    duplicate.join(3L, "Secretary");

    survivor.absorb(duplicate, NOW);

    assertThat(survivor.organisations())
        .containsEntry(1L, "Chair")
        .containsEntry(2L, "Treasurer")
        .containsEntry(3L, "Secretary");
    assertThat(duplicate.organisations()).isEmpty();
    assertThat(survivor.phone()).isEqualTo("+254712345678");
    assertThat(survivor.demographics()).as("consented answers move along").isEqualTo(TOLD);
  }

  private static PersonDetails details(
      String email, String phone, boolean consent, Demographics demographics) {
    return new PersonDetails("Wanjiku Kamau", null, email, phone, "sw", consent, demographics);
  }
}
