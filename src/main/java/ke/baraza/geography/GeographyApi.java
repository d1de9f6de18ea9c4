package ke.baraza.geography;

import java.util.List;
import java.util.Optional;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;

/** What other modules may ask of Kenya's administrative units. All methods are read-only. */
public interface GeographyApi {

  /** All 47 counties in code order. */
  List<County> counties();

  /** The county with {@code code} (three digits), or empty when there is none. */
  Optional<County> county(String code);

  /** Whether {@code code} is one of the 47 county codes. */
  default boolean isCounty(String code) {
    return county(code).isPresent();
  }

  /** The sub-counties of a county in name order; empty for an unknown county. */
  List<SubCounty> subCounties(String countyCode);

  /** One page of a county's wards, ordered by sub-county and name. */
  PageResult<Ward> wards(String countyCode, PageRequest page);

  /** The ward with {@code code} (four digits), or empty. */
  Optional<Ward> ward(String code);

  /** The wards with these codes, by code, in one query; unknown codes are left out. */
  java.util.Map<String, Ward> wards(java.util.Collection<String> codes);

  /** The wards of one sub-county, in name order. */
  List<Ward> wardsOfSubCounty(String subCountyCode);

  /** One page of a ward's villages, in name order. */
  PageResult<Village> villages(String wardCode, PageRequest page);
}
