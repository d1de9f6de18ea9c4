package ke.baraza.directory.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.hibernate.query.QueryFlushMode;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.mapper.orm.HibernateOrmExtension;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingEnvironment;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The networks and bodies an organisation is an ACTIVE member of, in the search index: field
 * {@value #FIELD}, the bodies' public ids, so that the directory filters by network without asking
 * the database. Memberships are their own entity, which Hibernate Search does not follow from
 * {@link Organisation}; so the field is written by a bridge that reads the organisation's active
 * memberships (one query per organisation indexed; a rebuild reads them all at once, see {@link
 * #rebuild}), and this class, the {@link Membership} entity's listener, puts the organisation into
 * the session's indexing plan whenever one of its memberships is added, changed (applied, active,
 * suspended, left, declined) or removed. Rows written by SQL are caught at start-up by {@link
 * SearchIndexStartup}.
 */
class SearchIndexNetworks {

  /** The index field of the active memberships' body public ids. */
  static final String FIELD = "networks";

  private static final String ACTIVE =
      " from membership m join body b on b.id = m.body_id where m.status = 'ACTIVE'";

  /** The rebuild under way, or {@code null}. */
  private static volatile Rebuild rebuilding;

  /** The rebuild whose mass indexing runs on this thread, or {@code null}. */
  private static final ThreadLocal<Rebuild> INDEXING = new ThreadLocal<>();

  private final ObjectProvider<EntityManager> entityManager;

  /** Made by Hibernate through Spring's bean container, once per persistence unit. */
  SearchIndexNetworks(ObjectProvider<EntityManager> entityManager) {
    this.entityManager = entityManager;
  }

  /** Reindexes the membership's organisation when the transaction's changes are indexed. */
  @PostPersist
  @PostUpdate
  @PostRemove
  void reindex(Membership membership) {
    Rebuild rebuild = rebuilding;
    if (rebuild != null) {
      rebuild.changed.add(membership.organisationId());
    }
    EntityManager em = entityManager.getObject();
    Search.session(em)
        .indexingPlan()
        .addOrUpdate(em.getReference(Organisation.class, membership.organisationId()));
  }

  /** Adds the field to the mapping of {@link Organisation}. */
  static HibernateOrmSearchMappingConfigurer mapping() {
    return context -> context.programmaticMapping().type(Organisation.class).binder(new Binder());
  }

  /**
   * Reads every active membership in one query for a rebuild of the index, so that its mass indexer
   * (given the result as its environment) asks nothing per organisation: on PostgreSQL, with
   * 200,000 organisations half of which are in a network, a query each took the rebuild from about
   * 40 s to about 70 s; read at once, it stays at about 40 s. An organisation whose memberships
   * change while the rebuild runs is read afresh. Close it when the rebuild is over.
   */
  static Rebuild rebuild(JdbcClient jdbc) {
    Rebuild rebuild = new Rebuild();
    rebuilding = rebuild; // from here on, changes are noted
    Map<String, String> ids = new HashMap<>(); // one string per body, not one per membership
    try {
      jdbc.sql("select m.organisation_id, b.public_id" + ACTIVE)
          .query(
              rs -> {
                rebuild
                    .networks
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(1))
                    .add(ids.computeIfAbsent(rs.getString(2), id -> id));
              });
    } catch (RuntimeException e) {
      rebuild.close();
      throw e;
    }
    return rebuild;
  }

  /** The active memberships of every organisation when a rebuild began. */
  static final class Rebuild implements MassIndexingEnvironment, AutoCloseable {
    private final Map<Long, List<String>> networks = new HashMap<>();
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeExecution(Context context) {
      INDEXING.set(this);
    }

    @Override
    public void afterExecution(Context context) {
      INDEXING.remove();
    }

    @Override
    public void close() {
      rebuilding = null;
    }
  }

  private static final class Binder implements TypeBinder {
    @Override
    public void bind(TypeBindingContext context) {
      // the memberships are read by query, not through the organisation's properties
      context.dependencies().useRootOnly();
      IndexFieldReference<String> field =
          context.indexSchemaElement().field(FIELD, f -> f.asString()).multiValued().toReference();
      context.bridge(Organisation.class, new Bridge(field));
    }
  }

  private record Bridge(IndexFieldReference<String> field) implements TypeBridge<Organisation> {
    @Override
    public void write(
        DocumentElement target, Organisation organisation, TypeBridgeWriteContext context) {
      Rebuild rebuild = INDEXING.get();
      List<String> bodies;
      if (rebuild != null && !rebuild.changed.contains(organisation.id())) {
        bodies = rebuild.networks.getOrDefault(organisation.id(), List.of());
      } else {
        Session session = context.extension(HibernateOrmExtension.get()).session();
        // runs while Hibernate Search processes a flush: this query must not flush again
        bodies =
            session
                .createNativeQuery(
                    "select b.public_id" + ACTIVE + " and m.organisation_id = :organisation",
                    String.class)
                .setParameter("organisation", organisation.id())
                .setQueryFlushMode(QueryFlushMode.NO_FLUSH)
                .getResultList();
      }
      bodies.forEach(id -> target.addValue(field, id));
    }
  }
}
