package ke.baraza.feedback.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.shared.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Finds a ward by the words an SMS starts with: its whole name ({@code Kathiani Central}), one part
 * of a name written with a slash ({@code Syokimau} for {@code Syokimau/Mulolongo}), or the first
 * words of exactly one ward's name ({@code Kathiani}). Case, accents and punctuation are ignored.
 * The 1,450 wards never change, so their names are read once and kept in memory.
 */
@Component
class WardNames {

  static final int MAX_WORDS = 5;

  /** What the words gave. */
  sealed interface Result permits Found, Ambiguous, NotFound {}

  /** One ward, named by the first {@code words} words. */
  record Found(Ward ward, int words) implements Result {}

  /** Several wards answer to the words. */
  record Ambiguous(List<Ward> wards) implements Result {}

  /** No ward answers to the words. */
  record NotFound() implements Result {}

  private record Named(Ward ward, List<String> names) {}

  private final GeographyApi geography;
  private volatile List<Named> all;

  WardNames(GeographyApi geography) {
    this.geography = geography;
  }

  /**
   * The ward named by the first words of {@code words}: the longest run that is a ward's whole name
   * (or a slash part of it), else the longest run that starts exactly one ward's name.
   *
   * @param countyCode the county to look in, or null for all of Kenya
   */
  Result match(List<String> words, String countyCode) {
    List<Named> wards =
        wards().stream()
            .filter(w -> countyCode == null || w.ward().countyCode().equals(countyCode))
            .toList();
    int longest = Math.min(MAX_WORDS, words.size());
    for (int k = longest; k >= 1; k--) {
      String phrase = normalise(String.join(" ", words.subList(0, k)));
      List<Ward> exact =
          wards.stream().filter(w -> w.names().contains(phrase)).map(Named::ward).toList();
      if (!exact.isEmpty()) {
        return exact.size() == 1 ? new Found(exact.get(0), k) : new Ambiguous(exact);
      }
    }
    for (int k = longest; k >= 1; k--) {
      String phrase = normalise(String.join(" ", words.subList(0, k)));
      if (phrase.isEmpty()) {
        continue;
      }
      List<Ward> starting =
          wards.stream()
              .filter(w -> w.names().stream().anyMatch(n -> n.startsWith(phrase + " ")))
              .map(Named::ward)
              .toList();
      if (!starting.isEmpty()) {
        return starting.size() == 1 ? new Found(starting.get(0), k) : new Ambiguous(starting);
      }
    }
    return new NotFound();
  }

  static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", " ")
        .strip();
  }

  static List<String> names(String wardName) {
    Set<String> names =
        java.util.Arrays.stream(wardName.split("/"))
            .map(WardNames::normalise)
            .filter(n -> !n.isEmpty())
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    names.add(normalise(wardName));
    return List.copyOf(names);
  }

  private List<Named> wards() {
    List<Named> loaded = all;
    if (loaded == null) {
      List<Named> list = new ArrayList<>();
      for (County county : geography.counties()) {
        for (Ward ward :
            geography.wards(county.code(), new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
          list.add(new Named(ward, names(ward.name())));
        }
      }
      loaded = List.copyOf(list);
      all = loaded;
    }
    return loaded;
  }
}
