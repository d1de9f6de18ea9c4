package ke.baraza.directory.internal;

import java.util.List;

/**
 * How many organisations of a county's directory search each ward and each thematic area has.
 *
 * @param wards every ward of the county, in sub-county and name order, zeros included
 * @param themes the county's thematic areas in the reader's language, in name order; a retired one
 *     only while organisations still have it
 */
public record DirectoryCounts(List<WardCount> wards, List<ThemeCount> themes) {

  /** A ward by its four-digit code: organisations with it as home ward or ward of operation. */
  public record WardCount(String code, String name, long count) {}

  /** A thematic area by its public id. */
  public record ThemeCount(String id, String name, long count) {}
}
