package ke.baraza.meetings.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.SubCounty;
import ke.baraza.geography.Ward;
import ke.baraza.meetings.CalendarFilter;
import ke.baraza.meetings.MeetingKind;
import ke.baraza.meetings.MeetingStatus;
import ke.baraza.meetings.MeetingSummary;
import ke.baraza.meetings.MeetingsApi;
import ke.baraza.meetings.Visibility;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists of meetings: the calendar, the API and the iCalendar feeds. A page costs a count, its
 * rows, the organisers' names and the wards' names: four queries whatever its size.
 */
@Service
@Transactional(readOnly = true)
public class MeetingQueries implements MeetingsApi {

  /** A meeting of a feed, with what a calendar entry needs beyond the summary. */
  public record FeedEntry(
      MeetingSummary summary, String description, Instant created, Instant updated, long version) {}

  private final JdbcClient jdbc;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private volatile Map<String, String> subCountyNames;

  MeetingQueries(JdbcClient jdbc, DirectoryApi directory, GeographyApi geography) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.geography = geography;
  }

  private record Row(
      String publicId,
      String seriesId,
      String title,
      String kind,
      String status,
      String visibility,
      String countyCode,
      String subCountyCode,
      String wardCode,
      String venue,
      String onlineUrl,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String organiserRef,
      String description,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      long version) {}

  private static final String SELECT =
      "select m.public_id, m.series_id, m.title, m.kind, m.status, m.visibility, m.county_code,"
          + " m.sub_county_code, m.ward_code, m.venue, m.online_url, m.starts_at, m.ends_at,"
          + " m.organiser_ref, m.description, m.created_at, m.updated_at, m.version from meeting m";

  @Override
  public Optional<MeetingSummary> publicMeeting(String publicId) {
    return jdbc.sql(SELECT + " where m.public_id = :id and m.visibility = 'PUBLIC'")
        .param("id", publicId == null ? "" : publicId)
        .query(Row.class)
        .optional()
        .map(r -> summaries(List.of(r)).get(0));
  }

  @Override
  public PageResult<MeetingSummary> publicMeetings(CalendarFilter filter, PageRequest page) {
    return calendar(filter, null, page);
  }

  /**
   * A page of the calendar: public meetings and, when {@code alsoOf} names an organiser whose
   * meetings the viewer may see, that organiser's other meetings too.
   */
  public PageResult<MeetingSummary> calendar(
      CalendarFilter filter, String alsoOf, PageRequest page) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, alsoOf, params);
    long total =
        jdbc.sql("select count(*) from meeting m" + where)
            .params(params)
            .query(Long.class)
            .single();
    if (total <= page.offset()) {
      return new PageResult<>(List.of(), page.page(), page.size(), total);
    }
    params.put("limit", page.size());
    params.put("offset", page.offset());
    List<Row> rows =
        jdbc.sql(SELECT + where + " order by m.starts_at, m.id limit :limit offset :offset")
            .params(params)
            .query(Row.class)
            .list();
    return new PageResult<>(summaries(rows), page.page(), page.size(), total);
  }

  /**
   * The public meetings of a county or an organiser (one of the two, the other {@code null}) that
   * end after {@code since}, by start, at most {@code max}.
   */
  public List<FeedEntry> feed(String countyCode, String organiserId, Instant since, int max) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where =
        new StringBuilder(" where m.visibility = 'PUBLIC' and m.ends_at >= :since");
    params.put("since", since.atOffset(ZoneOffset.UTC));
    if (countyCode != null) {
      where.append(" and m.county_code = :county");
      params.put("county", countyCode);
    }
    if (organiserId != null) {
      where.append(" and m.organiser_ref = :organiser");
      params.put("organiser", organiserId);
    }
    params.put("limit", max);
    List<Row> rows =
        jdbc.sql(SELECT + where + " order by m.starts_at, m.id limit :limit")
            .params(params)
            .query(Row.class)
            .list();
    List<MeetingSummary> summaries = summaries(rows);
    return java.util.stream.IntStream.range(0, rows.size())
        .mapToObj(
            i ->
                new FeedEntry(
                    summaries.get(i),
                    rows.get(i).description(),
                    rows.get(i).createdAt().toInstant(),
                    rows.get(i).updatedAt().toInstant(),
                    rows.get(i).version()))
        .toList();
  }

  private static String where(CalendarFilter f, String alsoOf, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (f.from() != null) {
      where.append(" and m.ends_at >= :from");
      params.put("from", f.from().atStartOfDay(MeetingTimes.NAIROBI).toOffsetDateTime());
    }
    if (f.countyCode() != null) {
      where.append(" and m.county_code = :county");
      params.put("county", f.countyCode());
    }
    if (f.organiserId() != null) {
      where.append(" and m.organiser_ref = :organiser");
      params.put("organiser", f.organiserId());
    }
    if (f.kind() != null) {
      where.append(" and m.kind = :kind");
      params.put("kind", f.kind().name());
    }
    if (alsoOf == null) {
      where.append(" and m.visibility = 'PUBLIC'");
    } else {
      where.append(" and (m.visibility = 'PUBLIC' or m.organiser_ref = :also)");
      params.put("also", alsoOf);
    }
    return where.toString();
  }

  private List<MeetingSummary> summaries(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, String> organisers =
        directory.names(rows.stream().map(Row::organiserRef).distinct().toList());
    Map<String, Ward> wards =
        geography.wards(rows.stream().map(Row::wardCode).filter(Objects::nonNull).toList());
    return rows.stream()
        .map(
            r -> {
              Ward ward = r.wardCode() == null ? null : wards.get(r.wardCode());
              String place =
                  ward != null
                      ? ward.name()
                      : r.subCountyCode() == null ? null : subCountyName(r.subCountyCode());
              return new MeetingSummary(
                  r.publicId(),
                  r.seriesId(),
                  r.title(),
                  MeetingKind.valueOf(r.kind()),
                  MeetingStatus.valueOf(r.status()),
                  Visibility.valueOf(r.visibility()),
                  r.countyCode(),
                  r.subCountyCode(),
                  r.wardCode(),
                  place,
                  r.venue(),
                  r.onlineUrl(),
                  kenya(r.startsAt()),
                  kenya(r.endsAt()),
                  r.organiserRef(),
                  organisers.get(r.organiserRef()));
            })
        .toList();
  }

  /**
   * The sub-county's name. The 290 names are reference data written once by a migration, so they
   * are read once and kept: a page never asks for them row by row.
   */
  private String subCountyName(String code) {
    Map<String, String> names = subCountyNames;
    if (names == null) {
      Map<String, String> loaded = new HashMap<>();
      for (County county : geography.counties()) {
        for (SubCounty s : geography.subCounties(county.code())) {
          loaded.put(s.code(), s.name());
        }
      }
      names = Map.copyOf(loaded);
      subCountyNames = names;
    }
    return names.get(code);
  }

  private static OffsetDateTime kenya(OffsetDateTime t) {
    return t.atZoneSameInstant(MeetingTimes.NAIROBI).toOffsetDateTime();
  }
}
