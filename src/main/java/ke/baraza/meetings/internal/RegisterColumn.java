package ke.baraza.meetings.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a column of a typed-up paper register holds, recognised from its header in English or
 * Kiswahili (the same headers as a directory member list, plus the optional demographic columns).
 * Columns that name none of these are left out, and the result page says which.
 */
enum RegisterColumn {
  NAME(List.of("name", "full name", "names", "participant", "participant name", "jina", "majina")),
  FIRST_NAME(List.of("first name", "firstname", "given name", "jina la kwanza")),
  LAST_NAME(List.of("last name", "lastname", "surname", "family name", "jina la mwisho")),
  ORGANISATION(
      List.of(
          "organisation",
          "organization",
          "organisation name",
          "organization name",
          "institution",
          "group",
          "shirika",
          "jina la shirika",
          "kikundi")),
  ROLE(List.of("role", "title", "job title", "position", "designation", "cheo", "wadhifa")),
  PHONE(
      List.of(
          "phone", "phone number", "mobile", "mobile number", "tel", "simu", "nambari ya simu")),
  WARD(List.of("ward", "wadi", "home ward")),
  GENDER(List.of("gender", "sex", "jinsia")),
  AGE(List.of("age", "age band", "age group", "umri", "kundi la umri")),
  DISABILITY(List.of("disability", "pwd", "person with disability", "ulemavu", "mlemavu")),
  CONSENT(List.of("consent", "consented", "ridhaa", "idhini"));

  private final List<String> headers;

  RegisterColumn(List<String> headers) {
    this.headers = headers;
  }

  /** The column a header names, or empty when it names none. */
  static Optional<RegisterColumn> of(String header) {
    String key = key(header);
    for (RegisterColumn column : values()) {
      if (column.headers.contains(key)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  /** Lower case without accents or punctuation, single spaces: how headers and words compare. */
  static String key(String text) {
    if (text == null) {
      return "";
    }
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+]+", " ").strip();
  }
}
