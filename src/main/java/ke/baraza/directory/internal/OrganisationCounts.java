package ke.baraza.directory.internal;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import ke.baraza.directory.DirectorySearch;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts per ward and per thematic area for the directory's map and its lists: two aggregations in
 * the search index, then the county's wards and themes in one query each.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationCounts {

  private final OrganisationIndex index;
  private final GeographyApi geography;
  private final ThematicAreas themes;

  OrganisationCounts(OrganisationIndex index, GeographyApi geography, ThematicAreas themes) {
    this.index = index;
    this.geography = geography;
    this.themes = themes;
  }

  /**
   * The counts of a search within its county. A ward's count leaves out the chosen ward or
   * sub-county and a theme's count the chosen theme, so that they show where else to look; every
   * other filter, the text included, applies.
   *
   * @param search must name a county
   * @param locale the language of the theme names
   * @throws UserError 400 without a county, 404 for an unknown one
   */
  public DirectoryCounts of(DirectorySearch search, Locale locale) {
    String county = search.countyCode() == null ? "" : search.countyCode().strip();
    if (county.isEmpty()) {
      throw UserError.badRequest("directory.counts.county-required");
    }
    if (!geography.isCounty(county)) {
      throw UserError.notFound("geography.county.unknown", county.replaceAll("[^0-9A-Za-z]", ""));
    }
    OrganisationIndex.Tally tally = index.tally(search);
    List<DirectoryCounts.WardCount> wards =
        geography.wards(county, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
            .map(
                w ->
                    new DirectoryCounts.WardCount(
                        w.code(), w.name(), tally.wards().getOrDefault(w.code(), 0L)))
            .toList();
    Collator collator = Collator.getInstance(locale);
    List<DirectoryCounts.ThemeCount> byTheme =
        themes.findByCountyCodeOrderByNameEn(county).stream()
            .filter(t -> t.active() || tally.themes().containsKey(t.id()))
            .map(
                t ->
                    new DirectoryCounts.ThemeCount(
                        t.publicId(), t.name(locale), tally.themes().getOrDefault(t.id(), 0L)))
            .sorted(Comparator.comparing(DirectoryCounts.ThemeCount::name, collator))
            .toList();
    return new DirectoryCounts(wards, byTheme);
  }
}
