package ke.baraza.activities.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ke.baraza.shared.PublicId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flags the possible duplications of one activity just saved: activities of other organisations,
 * not cancelled, on the same theme, in a ward they share, with overlapping periods and similar
 * beneficiaries. One indexed query finds them (through {@code activity_ward_overlap}, whatever the
 * size of the table); open flags that no longer hold are withdrawn; decided ones stay.
 */
@Component
class OverlapDetector {

  private static final Logger log = LoggerFactory.getLogger(OverlapDetector.class);

  /**
   * Beneficiaries are similar unless their targets rule it out: both name a sex (or one names
   * none), and both name an age group (or one names none).
   */
  static final String SIMILAR =
      "(x.targeted_female + x.targeted_male = 0 or o.targeted_female + o.targeted_male = 0"
          + " or (x.targeted_female > 0 and o.targeted_female > 0)"
          + " or (x.targeted_male > 0 and o.targeted_male > 0))"
          + " and (x.targeted_children + x.targeted_youth + x.targeted_adults + x.targeted_older = 0"
          + " or o.targeted_children + o.targeted_youth + o.targeted_adults + o.targeted_older = 0"
          + " or (x.targeted_children > 0 and o.targeted_children > 0)"
          + " or (x.targeted_youth > 0 and o.targeted_youth > 0)"
          + " or (x.targeted_adults > 0 and o.targeted_adults > 0)"
          + " or (x.targeted_older > 0 and o.targeted_older > 0))";

  private static final String CANDIDATES =
      "select distinct o.id from activity x"
          + " join activity_ward xw on xw.activity_id = x.id"
          + " join activity_ward ow on ow.ward_code = xw.ward_code and ow.theme = x.theme"
          + " and ow.starts_on <= x.ends_on and ow.ends_on >= x.starts_on"
          + " and ow.organisation_ref <> x.organisation_ref and ow.status <> 'CANCELLED'"
          + " join activity o on o.id = ow.activity_id"
          + " where x.id = :id and x.status <> 'CANCELLED' and "
          + SIMILAR;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final FlagNotices notices;
  private final Clock clock;

  OverlapDetector(JdbcClient jdbc, TransactionTemplate tx, FlagNotices notices, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.notices = notices;
    this.clock = clock;
  }

  /**
   * Raises the flags of the activity with this id and withdraws its open flags that no longer hold;
   * mails the county's recipients of the new ones. Runs after the activity's own write has
   * committed; a clash with another save at the same moment is retried once.
   *
   * @return the public ids of the flags raised
   */
  List<String> detect(long activityId) {
    List<String> raised;
    try {
      raised = tx.execute(status -> raise(activityId));
    } catch (DataIntegrityViolationException clash) {
      raised = tx.execute(status -> raise(activityId));
    }
    if (!raised.isEmpty()) {
      log.info("{} overlap flag(s) raised for an activity", raised.size());
      notices.send(raised);
    }
    return raised;
  }

  private List<String> raise(long id) {
    Set<Long> candidates =
        Set.copyOf(jdbc.sql(CANDIDATES).param("id", id).query(Long.class).list());
    record Existing(long id, long activityAId, long activityBId, String status) {
      long other(long self) {
        return activityAId == self ? activityBId : activityAId;
      }
    }
    List<Existing> existing =
        jdbc.sql(
                "select id, activity_a_id, activity_b_id, status from activity_flag"
                    + " where activity_a_id = :id or activity_b_id = :id")
            .param("id", id)
            .query(Existing.class)
            .list();
    Map<Long, Existing> byOther = new HashMap<>();
    existing.forEach(e -> byOther.put(e.other(id), e));
    List<Long> withdrawn =
        existing.stream()
            .filter(e -> "OPEN".equals(e.status()) && !candidates.contains(e.other(id)))
            .map(Existing::id)
            .toList();
    if (!withdrawn.isEmpty()) {
      jdbc.sql("delete from activity_flag where id in (:ids)").param("ids", withdrawn).update();
    }
    List<Long> fresh = candidates.stream().filter(o -> !byOther.containsKey(o)).sorted().toList();
    if (fresh.isEmpty()) {
      return List.of();
    }
    String county =
        jdbc.sql("select county_code from activity where id = ?")
            .param(id)
            .query(String.class)
            .single();
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    List<String> raised = new ArrayList<>();
    for (long other : fresh) {
      String publicId = PublicId.next();
      jdbc.sql(
              "insert into activity_flag (public_id, county_code, activity_a_id, activity_b_id,"
                  + " status, raised_at) values (?, ?, ?, ?, 'OPEN', ?)")
          .params(publicId, county, Math.min(id, other), Math.max(id, other), now)
          .update();
      raised.add(publicId);
    }
    return raised;
  }
}
