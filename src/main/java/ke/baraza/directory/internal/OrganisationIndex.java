package ke.baraza.directory.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import ke.baraza.directory.DirectorySearch;
import ke.baraza.directory.OrganisationType;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.shared.PageRequest;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's search index (Hibernate Search over {@link Organisation}): turns a {@link
 * DirectorySearch} into one index query. Filters (county, wards, type, theme, network) are exact;
 * each word of the text matches the name, acronym or description with typos forgiven (one edit in a
 * word of four or five letters, two in a longer one, the first letter right) or as the start of a
 * word, or the English or Kiswahili name of a thematic area. Words of four letters or more must all
 * match; shorter ones ("na", "cha", "of") only raise the score, unless the text has nothing longer.
 * Accents and case never matter.
 *
 * <p>Costs at most two database queries, whatever the filters: the wards of a sub-county and the
 * county's thematic areas; the index does the rest.
 */
@Component
@Transactional(readOnly = true)
class OrganisationIndex {

  static final int MAX_WORDS = 8;

  /** Pages beyond this many results are empty: no search collects more hits than this. */
  static final long MAX_OFFSET = 1_000_000;

  private static final int MAX_TERMS = 2000;
  private static final Pattern CODE = Pattern.compile("\\d{3,4}");
  private static final Map<String, List<String>> NAME_WORDS = new ConcurrentHashMap<>();
  private static final AggregationKey<Map<String, Long>> BY_WARD = AggregationKey.of("wards");
  private static final AggregationKey<Map<Long, Long>> BY_THEME = AggregationKey.of("themes");

  private final EntityManager entityManager;
  private final GeographyApi geography;
  private final JdbcClient jdbc;

  OrganisationIndex(EntityManager entityManager, GeographyApi geography, JdbcClient jdbc) {
    this.entityManager = entityManager;
    this.geography = geography;
    this.jdbc = jdbc;
  }

  /** A thematic area as the search needs it: the words of its English and Kiswahili names. */
  private record Area(long id, String publicId, Set<String> nameWords) {}

  /** The ids of one page of matches, best first (by name when there is no text), and the total. */
  record Hits(List<Long> ids, long total) {}

  /** How many matches each ward and each theme (by database id) has. */
  record Tally(Map<String, Long> wards, Map<Long, Long> themes) {}

  /** One word of the text, what it may match and whether it must. */
  private record Word(String text, int edits, boolean required, Set<Long> themeIds) {}

  /** A search with its codes and names resolved; {@code wards} null means "any". */
  private record Query(
      String county,
      List<String> wards,
      OrganisationType type,
      Long themeId,
      String network,
      List<Word> words) {}

  Hits search(DirectorySearch search, PageRequest page) {
    Query query = resolve(search);
    if ((long) page.page() * page.size() >= MAX_OFFSET) {
      long total =
          session()
              .search(Organisation.class)
              .where(f -> predicate(f, query, true, true))
              .fetchTotalHitCount();
      return new Hits(List.of(), total);
    }
    SearchResult<Long> result =
        session()
            .search(Organisation.class)
            .select(f -> f.id(Long.class))
            .where(f -> predicate(f, query, true, true))
            .sort(f -> order(f, query))
            .fetch(page.offset(), page.size());
    return new Hits(result.hits(), result.total().hitCount());
  }

  /**
   * The ids of every match, in the order of {@link #search}: for downloads, which must be the
   * search's results. About 8 bytes an organisation; 200,000 take one index query.
   */
  List<Long> allIds(DirectorySearch search) {
    Query query = resolve(search);
    return session()
        .search(Organisation.class)
        .select(f -> f.id(Long.class))
        .where(f -> predicate(f, query, true, true))
        .sort(f -> order(f, query))
        .fetchAllHits();
  }

  /**
   * Matches per ward and per theme. Each is counted under every other filter: the ward counts leave
   * out the chosen ward or sub-county and the theme counts the chosen theme, so that choosing one
   * does not hide the others.
   */
  Tally tally(DirectorySearch search) {
    Query query = resolve(search);
    Map<String, Long> wards =
        session()
            .search(Organisation.class)
            .where(f -> predicate(f, query, false, true))
            .aggregation(
                BY_WARD, f -> f.terms().field("wards", String.class).maxTermCount(MAX_TERMS))
            .fetch(0)
            .aggregation(BY_WARD);
    Map<Long, Long> byTheme =
        session()
            .search(Organisation.class)
            .where(f -> predicate(f, query, true, false))
            .aggregation(
                BY_THEME, f -> f.terms().field("themes", Long.class).maxTermCount(MAX_TERMS))
            .fetch(0)
            .aggregation(BY_THEME);
    return new Tally(wards, byTheme);
  }

  /** With words, best match first; then, or without words, by name. */
  private static SortFinalStep order(SearchSortFactory f, Query query) {
    return query.words().isEmpty()
        ? f.field("nameSort").then().field("publicId")
        : f.score().then().field("nameSort").then().field("publicId");
  }

  private SearchSession session() {
    return Search.session(entityManager);
  }

  private Query resolve(DirectorySearch search) {
    String county = code(search.countyCode());
    List<String> wards = null;
    if (notBlank(search.wardCode())) {
      wards = List.of(search.wardCode().strip());
    } else if (notBlank(search.subCountyCode())) {
      wards =
          geography.wardsOfSubCounty(search.subCountyCode().strip()).stream()
              .map(Ward::code)
              .toList();
    }
    List<Area> areas = List.of();
    if (notBlank(search.theme()) || notBlank(search.text())) {
      areas = areas(county);
    }
    Long themeId = null;
    if (notBlank(search.theme())) {
      themeId =
          areas.stream()
              .filter(t -> t.publicId().equals(search.theme().strip()))
              .map(Area::id)
              .findFirst()
              .orElse(-1L); // an unknown theme matches nothing, as the database query did
    }
    String network = notBlank(search.network()) ? search.network().strip() : null;
    return new Query(county, wards, search.type(), themeId, network, words(search.text(), areas));
  }

  /**
   * The county's thematic areas (every county's without one), read as a projection: loading them as
   * entities into the search's session cost a fifth of a search's time.
   */
  private List<Area> areas(String county) {
    return jdbc.sql(
            "select id, public_id, name_en, name_sw from thematic_area"
                + (county == null ? "" : " where county_code = :county")
                + " order by name_en, id")
        .params(county == null ? Map.of() : Map.of("county", county))
        .query(
            (rs, i) -> {
              Set<String> words = new LinkedHashSet<>();
              for (int column = 3; column <= 4; column++) {
                String name = rs.getString(column);
                if (name != null) {
                  words.addAll(nameWords(name));
                }
              }
              return new Area(rs.getLong(1), rs.getString(2), Set.copyOf(words));
            })
        .list();
  }

  /**
   * The normalised words of a theme's name, remembered by the name itself (a renamed theme is a new
   * key, so nothing goes stale): normalising every name on every search cost 7 % of it.
   */
  private static List<String> nameWords(String name) {
    if (NAME_WORDS.size() > MAX_TERMS) {
      NAME_WORDS.clear();
    }
    return NAME_WORDS.computeIfAbsent(name, n -> List.of(OrganisationDetails.key(n).split(" ")));
  }

  private static PredicateFinalStep predicate(
      SearchPredicateFactory f, Query query, boolean byPlace, boolean byTheme) {
    BooleanPredicateClausesStep<?, ?> all = f.bool().must(f.matchAll());
    if (query.county() != null) {
      all.filter(f.match().field("countyCode").matching(query.county()));
    }
    if (query.type() != null) {
      all.filter(f.match().field("type").matching(query.type()));
    }
    if (byPlace && query.wards() != null) {
      all.filter(
          query.wards().isEmpty()
              ? f.matchNone()
              : f.terms().field("wards").matchingAny(query.wards()));
    }
    if (query.network() != null) {
      all.filter(f.match().field(SearchIndexNetworks.FIELD).matching(query.network()));
    }
    if (byTheme && query.themeId() != null) {
      all.filter(f.match().field("themes").matching(query.themeId()));
    }
    for (Word word : query.words()) {
      if (word.required()) {
        all.must(matches(f, word));
      } else {
        all.should(matches(f, word));
      }
    }
    return all;
  }

  private static PredicateFinalStep matches(SearchPredicateFactory f, Word word) {
    BooleanPredicateClausesStep<?, ?> any = f.bool();
    var words = f.match().field("name").boost(3).field("acronym").boost(3).field("description");
    any.should(
        word.edits() > 0
            ? words.matching(word.text()).fuzzy(word.edits(), 1) // the first letter must be right
            : words.matching(word.text()));
    if (word.text().length() >= 3) {
      any.should(
          f.prefix()
              .field("name")
              .field("acronym")
              .field("description")
              .matching(word.text())
              .boost(0.5f));
    }
    if (!word.themeIds().isEmpty()) {
      any.should(f.terms().field("themes").matchingAny(word.themeIds()));
    }
    return any;
  }

  /** The words of the text in the normalised form of names, at most {@value #MAX_WORDS}. */
  private static List<Word> words(String text, List<Area> areas) {
    if (!notBlank(text)) {
      return List.of();
    }
    Set<String> tokens = new LinkedHashSet<>();
    for (String token : OrganisationDetails.key(text).split(" ")) {
      if (!token.isEmpty() && tokens.size() < MAX_WORDS) {
        tokens.add(token.length() > 40 ? token.substring(0, 40) : token);
      }
    }
    boolean anyLong = tokens.stream().anyMatch(t -> t.length() >= 4);
    List<Word> words = new ArrayList<>();
    for (String token : tokens) {
      int edits = token.length() <= 3 ? 0 : token.length() <= 5 ? 1 : 2;
      Set<Long> themeIds = new LinkedHashSet<>();
      for (Area area : areas) {
        if (namesMatch(area.nameWords(), token, edits)) {
          themeIds.add(area.id());
        }
      }
      words.add(new Word(token, edits, token.length() >= 4 || !anyLong, themeIds));
    }
    return words;
  }

  /** Whether a word of a theme's names starts with the token, or is within {@code edits} of it. */
  private static boolean namesMatch(Set<String> nameWords, String token, int edits) {
    for (String word : nameWords) {
      if ((token.length() >= 3 && word.startsWith(token)) || withinEdits(word, token, edits)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the Levenshtein distance of {@code a} and {@code b} is at most {@code max}. */
  static boolean withinEdits(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return false;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()] <= max;
  }

  private static String code(String value) {
    return notBlank(value) && CODE.matcher(value.strip()).matches() ? value.strip() : null;
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
