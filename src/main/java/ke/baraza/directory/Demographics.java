package ke.baraza.directory;

import java.util.Locale;

/**
 * What a person may tell about themselves for disaggregated counts (attendance by gender, youth,
 * disability): each part optional, stored only with their consent and published only aggregated.
 *
 * @param gender or {@code null} when not told
 * @param ageBand or {@code null} when not told
 * @param disability {@code true} for a person with a disability, or {@code null} when not told
 */
public record Demographics(Gender gender, AgeBand ageBand, Boolean disability) {

  /** Nothing told. */
  public static final Demographics NONE = new Demographics(null, null, null);

  /** Gender as the 2019 census asks it. */
  public enum Gender {
    FEMALE,
    MALE,
    INTERSEX;

    public String messageKey() {
      return "person.gender." + name().toLowerCase(Locale.ROOT);
    }
  }

  /** Age bands of adults; the first two together are the youth (18–35) of the Constitution. */
  public enum AgeBand {
    AGE_18_24,
    AGE_25_35,
    AGE_36_59,
    AGE_60_PLUS;

    /** Whether the band is within the youth, 18 to 35 years (Article 260). */
    public boolean youth() {
      return this == AGE_18_24 || this == AGE_25_35;
    }

    public String messageKey() {
      return "person.age." + name().substring(4).toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Whether nothing is told. */
  public boolean isEmpty() {
    return gender == null && ageBand == null && disability == null;
  }
}
