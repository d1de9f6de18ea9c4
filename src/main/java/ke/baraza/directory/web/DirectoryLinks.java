package ke.baraza.directory.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import ke.baraza.directory.DirectorySearch;

/** Addresses of the directory page and its counts for a search with one filter changed. */
public final class DirectoryLinks {

  private DirectoryLinks() {}

  /** The directory narrowed to a ward; the sub-county is dropped, the ward says more. */
  public static String ward(DirectorySearch search, String wardCode) {
    Map<String, String> query = common(search);
    query.put("theme", search.theme());
    query.put("ward", wardCode);
    return "/directory?" + encode(query);
  }

  /**
   * The address the map links each ward to, with {@code {code}} where the ward code goes (the
   * script fills it in).
   */
  public static String wardTemplate(DirectorySearch search) {
    Map<String, String> query = common(search);
    query.put("theme", search.theme());
    return "/directory?" + encode(query) + "&ward={code}";
  }

  /** The directory narrowed to a thematic area (its public id). */
  public static String theme(DirectorySearch search, String themeId) {
    Map<String, String> query = common(search);
    query.put("subcounty", search.subCountyCode());
    query.put("ward", search.wardCode());
    query.put("theme", themeId);
    return "/directory?" + encode(query);
  }

  /** The counts API for the same search. */
  public static String counts(DirectorySearch search) {
    return "/api/v1/organisations/counts?" + encode(all(search));
  }

  /** The same search as a download, {@code format} being {@code csv} or {@code xlsx}. */
  public static String export(DirectorySearch search, String format) {
    return "/directory/export." + format + "?" + encode(all(search));
  }

  private static Map<String, String> all(DirectorySearch search) {
    Map<String, String> query = common(search);
    query.put("subcounty", search.subCountyCode());
    query.put("ward", search.wardCode());
    query.put("theme", search.theme());
    return query;
  }

  private static Map<String, String> common(DirectorySearch search) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("q", search.text());
    query.put("county", search.countyCode());
    query.put("type", search.type() == null ? null : search.type().name());
    query.put("network", search.network());
    return query;
  }

  private static String encode(Map<String, String> query) {
    return query.entrySet().stream()
        .filter(e -> e.getValue() != null && !e.getValue().isBlank())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
