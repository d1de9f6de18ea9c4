package ke.baraza.meetings.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.BodyRef;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.directory.OrganisationType;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.meetings.MeetingKind;
import ke.baraza.meetings.internal.AttendanceService.Figures;
import ke.baraza.platform.UserError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Attendance figures across the public meetings of a county that have taken place: totals, and
 * broken down by month, by kind and by organiser. Only aggregates, never names or contacts;
 * members-only, private and cancelled meetings are left out. Three queries whatever the number of
 * meetings or attendees.
 */
@Service
public class MeetingFigures {

  /** The longest period asked at once. */
  public static final int MAX_MONTHS = 60;

  private final JdbcClient jdbc;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final java.time.Clock clock;

  private final ke.baraza.platform.RefreshingCache<Filter, Overview> overviews;

  MeetingFigures(
      JdbcClient jdbc,
      DirectoryApi directory,
      GeographyApi geography,
      java.time.Clock clock,
      @org.springframework.beans.factory.annotation.Value("${baraza.public-figures.max-age:PT1M}")
          java.time.Duration maxAge) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.geography = geography;
    this.clock = clock;
    this.overviews = new ke.baraza.platform.RefreshingCache<>(maxAge, clock);
  }

  /**
   * Which meetings count: a county's, optionally one organiser's and one kind, that started on a
   * day from {@code from} to {@code to} (Nairobi time, both included).
   */
  public record Filter(
      String countyCode, String organiserId, MeetingKind kind, LocalDate from, LocalDate to) {}

  /**
   * One line of a breakdown.
   *
   * @param key the month ({@code 2026-07}), the kind's name or the organiser's public id
   * @param label the organiser's name; otherwise the key
   */
  public record Line(
      String key,
      String label,
      int meetings,
      int attendees,
      int women,
      int men,
      int youth,
      int withDisability) {

    /** Whether women are under one third of those present (the two-thirds gender rule). */
    public boolean womenUnderOneThird() {
      return attendees > 0 && women * 3 < attendees;
    }

    /** Women's share of those present, in whole per cent; 0 without attendees. */
    public int womenPercent() {
      return attendees == 0 ? 0 : Math.round(women * 100f / attendees);
    }

    Line plus(Line other) {
      return new Line(
          key,
          label,
          meetings + other.meetings,
          attendees + other.attendees,
          women + other.women,
          men + other.men,
          youth + other.youth,
          withDisability + other.withDisability);
    }
  }

  /** The figures of the meetings a filter chose. */
  public record Overview(
      Filter filter,
      int meetings,
      Figures totals,
      List<Line> byMonth,
      List<Line> byKind,
      List<Line> byOrganiser) {}

  /**
   * The figures of the filter's meetings, kept for {@code baraza.public-figures.max-age} (a minute
   * by default) as they aggregate every attendance record of the period.
   *
   * @throws UserError 400 when {@code to} is before {@code from} or the period is longer than
   *     {@link #MAX_MONTHS} months
   */
  public Overview overview(Filter filter) {
    if (filter.to().isBefore(filter.from())) {
      throw UserError.badRequest("figures.period.invalid");
    }
    if (filter.from().plusMonths(MAX_MONTHS).isBefore(filter.to())) {
      throw UserError.badRequest("figures.period.too-long");
    }
    return overviews.get(filter, this::compute);
  }

  private Overview compute(Filter filter) {
    Instant start = filter.from().atStartOfDay(MeetingTimes.NAIROBI).toInstant();
    Instant end = filter.to().plusDays(1).atStartOfDay(MeetingTimes.NAIROBI).toInstant();
    Instant now = clock.instant();
    if (now.isBefore(end)) {
      end = now;
    }
    StringBuilder where =
        new StringBuilder(
            " m.county_code = ? and m.visibility = 'PUBLIC' and m.status <> 'CANCELLED'"
                + " and m.starts_at >= ? and m.starts_at < ?");
    List<Object> params = new ArrayList<>(List.of(filter.countyCode(), ts(start), ts(end)));
    if (filter.organiserId() != null) {
      where.append(" and m.organiser_ref = ?");
      params.add(filter.organiserId());
    }
    if (filter.kind() != null) {
      where.append(" and m.kind = ?");
      params.add(filter.kind().name());
    }
    record PerMeeting(
        String kind,
        Timestamp startsAt,
        String organiserRef,
        int attendees,
        int women,
        int men,
        int youth,
        int withDisability) {}
    List<PerMeeting> meetings =
        jdbc.sql(
                """
                select m.kind, m.starts_at, m.organiser_ref, count(a.id) as attendees,
                  coalesce(sum(case when a.gender = 'FEMALE' then 1 else 0 end), 0) as women,
                  coalesce(sum(case when a.gender = 'MALE' then 1 else 0 end), 0) as men,
                  coalesce(sum(case when a.age_band in ('AGE_18_24', 'AGE_25_35') then 1 else 0
                    end), 0) as youth,
                  coalesce(sum(case when a.disability then 1 else 0 end), 0) as with_disability
                from meeting m left join attendance a on a.meeting_id = m.id
                where"""
                    + where
                    + " group by m.id, m.kind, m.starts_at, m.organiser_ref")
            .params(params)
            .query(PerMeeting.class)
            .list();
    Map<OrganisationType, Integer> types = new EnumMap<>(OrganisationType.class);
    jdbc.sql(
            "select a.organisation_type, count(*) from attendance a join meeting m"
                + " on m.id = a.meeting_id where"
                + where
                + " and a.organisation_type is not null group by a.organisation_type")
        .params(params)
        .query((rs, n) -> types.put(OrganisationType.valueOf(rs.getString(1)), rs.getInt(2)))
        .list();
    List<String> wardCodes =
        jdbc.sql(
                "select distinct a.ward_code from attendance a join meeting m"
                    + " on m.id = a.meeting_id where"
                    + where
                    + " and a.ward_code is not null")
            .params(params)
            .query(String.class)
            .list();

    Function<PerMeeting, Line> line =
        p -> new Line("", "", 1, p.attendees(), p.women(), p.men(), p.youth(), p.withDisability());
    Line total = new Line("", "", 0, 0, 0, 0, 0, 0);
    Map<String, Line> byMonth = new TreeMap<>();
    for (YearMonth m = YearMonth.from(filter.from());
        !m.isAfter(YearMonth.from(filter.to()));
        m = m.plusMonths(1)) {
      byMonth.put(m.toString(), new Line(m.toString(), m.toString(), 0, 0, 0, 0, 0, 0));
    }
    Map<String, Line> byKind = new LinkedHashMap<>();
    Map<String, Line> byOrganiser = new HashMap<>();
    for (PerMeeting p : meetings) {
      Line l = line.apply(p);
      total = total.plus(l);
      String month =
          YearMonth.from(p.startsAt().toInstant().atZone(MeetingTimes.NAIROBI)).toString();
      byMonth.merge(month, l, (a, b) -> a.plus(b));
      byKind.merge(p.kind(), relabel(l, p.kind()), Line::plus);
      byOrganiser.merge(p.organiserRef(), relabel(l, p.organiserRef()), Line::plus);
    }
    Map<OrganisationType, Integer> typesByCount = new LinkedHashMap<>();
    types.entrySet().stream()
        .sorted(Map.Entry.<OrganisationType, Integer>comparingByValue().reversed())
        .forEach(e -> typesByCount.put(e.getKey(), e.getValue()));
    Figures totals =
        new Figures(
            total.attendees(),
            total.women(),
            total.men(),
            total.attendees() - total.women() - total.men(),
            total.youth(),
            total.withDisability(),
            typesByCount,
            wardNames(wardCodes));
    return new Overview(
        filter,
        total.meetings(),
        totals,
        List.copyOf(byMonth.values()),
        byKind.values().stream().sorted(Comparator.comparing(Line::key)).toList(),
        named(byOrganiser, filter.countyCode()));
  }

  private static Line relabel(Line l, String key) {
    return new Line(
        key, key, l.meetings(), l.attendees(), l.women(), l.men(), l.youth(), l.withDisability());
  }

  /** The organisers' lines with their names, most attended first. */
  private List<Line> named(Map<String, Line> byOrganiser, String countyCode) {
    Map<String, String> names = new HashMap<>();
    for (BodyRef b : directory.bodies(countyCode)) {
      names.put(b.publicId(), b.name());
    }
    List<String> others = byOrganiser.keySet().stream().filter(k -> !names.containsKey(k)).toList();
    if (!others.isEmpty()) {
      for (Contact c : directory.contacts(others)) {
        names.put(c.publicId(), c.name());
      }
    }
    return byOrganiser.values().stream()
        .map(
            l ->
                new Line(
                    l.key(),
                    names.getOrDefault(l.key(), l.key()),
                    l.meetings(),
                    l.attendees(),
                    l.women(),
                    l.men(),
                    l.youth(),
                    l.withDisability()))
        .sorted(
            Comparator.comparingInt(Line::attendees)
                .reversed()
                .thenComparing(Line::label, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  private List<String> wardNames(Collection<String> codes) {
    return geography.wards(new TreeSet<>(codes)).values().stream()
        .map(Ward::name)
        .sorted(String.CASE_INSENSITIVE_ORDER)
        .toList();
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
