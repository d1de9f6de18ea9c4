package ke.baraza.directory.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.engine.environment.bean.BeanReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Hibernate Search's defaults for Baraza: a Lucene index in files under {@code <data dir>/index},
 * the {@value #TEXT} analyser, and writes that are searchable when their transaction has committed;
 * and the mapping of an organisation's networks ({@link SearchIndexNetworks}). Each is only a
 * default: a {@code spring.jpa.properties.hibernate.search.*} property wins (the tests keep the
 * index in memory with {@code directory.type=local-heap}; another backend, such as Elasticsearch,
 * is chosen with {@code backend.type} and its own analyser definition, see docs/decisions.md).
 * Types mapped by annotation only (a {@code @ProjectionConstructor} record, say) are not discovered
 * by scanning: name them in a mapping configurer.
 */
@Component
class SearchIndexSettings implements HibernatePropertiesCustomizer {

  /** Words split as Unicode text, lower case, accents and other diacritics folded to ASCII. */
  static final String TEXT = "text";

  private static final String PREFIX = "hibernate.search.";

  private final Path root;

  SearchIndexSettings(@Value("${baraza.data-dir}") String dataDir) {
    this.root = Path.of(dataDir).resolve("index");
  }

  @Override
  public void customize(Map<String, Object> properties) {
    Object backend = properties.getOrDefault(PREFIX + "backend.type", "lucene");
    if ("lucene".equals(String.valueOf(backend))) {
      if (!"local-heap".equals(properties.get(PREFIX + "backend.directory.type"))) {
        properties.putIfAbsent(PREFIX + "backend.directory.root", root.toString());
      }
      // how text is analysed stays the same when a newer Lucene arrives, until we choose otherwise
      properties.putIfAbsent(PREFIX + "backend.lucene_version", "9.12.0");
      LuceneAnalysisConfigurer analysis =
          context ->
              context
                  .analyzer(TEXT)
                  .custom()
                  .tokenizer(StandardTokenizerFactory.class)
                  .tokenFilter(LowerCaseFilterFactory.class)
                  .tokenFilter(ASCIIFoldingFilterFactory.class);
      properties.putIfAbsent(
          PREFIX + "backend.analysis.configurer", BeanReference.ofInstance(analysis));
    }
    // The mapping of the organisations' networks is part of the index, not a setting: added to any
    // configurer of the operator's own.
    Object configurers = properties.get(PREFIX + "mapping.configurer");
    BeanReference<?> networks = BeanReference.ofInstance(SearchIndexNetworks.mapping());
    properties.put(
        PREFIX + "mapping.configurer",
        configurers == null ? networks : List.of(configurers, networks));
    // A write is in the index, and visible to searches, before the request that made it returns.
    properties.putIfAbsent(PREFIX + "indexing.plan.synchronization.strategy", "sync");
    // The one indexed type is an entity, which Hibernate Search finds through Hibernate ORM; left
    // on, it reads every class of the application at each start to build a Jandex index in search
    // of other annotated types (about 4 % of the start-up's CPU time).
    properties.putIfAbsent(PREFIX + "mapping.build_missing_discovered_jandex_indexes", false);
  }
}
