package ke.baraza.disclosures.internal;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ke.baraza.disclosures.DisclosureStatus;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Public counts of disclosures: per county, and per month of sending and current status in one
 * county. Only the columns kept in clear are read (county, status, time of sending); never a body,
 * a text or a key.
 */
@Service
public class DisclosureStatistics {

  private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

  private final JdbcClient jdbc;
  private final GeographyApi geography;

  DisclosureStatistics(JdbcClient jdbc, GeographyApi geography) {
    this.jdbc = jdbc;
    this.geography = geography;
  }

  /** Counts by status, with their total. */
  public record Counts(String label, Map<DisclosureStatus, Integer> byStatus) {

    public int total() {
      return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int of(DisclosureStatus status) {
      return byStatus.getOrDefault(status, 0);
    }
  }

  /** Every county that has received a disclosure, by name, each with its counts by status. */
  public List<Counts> byCounty() {
    Map<String, Map<DisclosureStatus, Integer>> counts = new TreeMap<>();
    jdbc.sql("select county_code, status, count(*) from disclosure group by county_code, status")
        .query(
            (rs, n) ->
                counts
                    .computeIfAbsent(rs.getString(1), k -> new EnumMap<>(DisclosureStatus.class))
                    .put(DisclosureStatus.valueOf(rs.getString(2)), rs.getInt(3)))
        .list();
    List<Counts> lines = new ArrayList<>();
    for (County c : geography.counties()) {
      if (counts.containsKey(c.code())) {
        lines.add(new Counts(c.name(), counts.get(c.code())));
      }
    }
    return lines;
  }

  /**
   * A county's disclosures by the month they were sent (Kenya time), latest first, each with the
   * counts of their current status.
   */
  public List<Counts> byMonth(String countyCode) {
    Map<YearMonth, Map<DisclosureStatus, Integer>> counts = new TreeMap<>();
    record Line(Timestamp createdAt, String status) {}
    for (Line l :
        jdbc.sql("select created_at, status from disclosure where county_code = ?")
            .param(countyCode)
            .query(Line.class)
            .list()) {
      YearMonth month = YearMonth.from(l.createdAt().toInstant().atZone(NAIROBI));
      counts
          .computeIfAbsent(month, k -> new EnumMap<>(DisclosureStatus.class))
          .merge(DisclosureStatus.valueOf(l.status()), 1, Integer::sum);
    }
    List<Counts> lines = new ArrayList<>();
    counts.forEach((month, byStatus) -> lines.add(new Counts(month.toString(), byStatus)));
    return lines.reversed();
  }
}
