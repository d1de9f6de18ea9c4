package ke.baraza.feedback.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ke.baraza.feedback.CaseStatus;
import ke.baraza.feedback.Channel;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.UserError;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Open311 GeoReport v2 side of feedback: a county (its {@code jurisdiction_id} is its code,
 * e.g. {@code 016}) offers its active service areas as services; apps file requests with a key
 * through {@link Intake}; anyone reads requests, without the reporter's contact and with the
 * description only when the reporter allowed publication.
 */
@Service
public class Open311Requests {

  /** The most requests one GET returns. */
  public static final int MAX_REQUESTS = 1000;

  /** The longest span of {@code start_date} to {@code end_date}, and the default window. */
  static final Duration MAX_SPAN = Duration.ofDays(90);

  /** Statuses that Open311 calls {@code closed}; every other status is {@code open}. */
  static final Set<CaseStatus> CLOSED =
      EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.REJECTED);

  /**
   * A request as Open311 shows it.
   *
   * @param description null unless the reporter allowed publication
   * @param photos how many photos the case has, 0 unless the reporter allowed publication
   * @param expected when the service charter says it should be resolved
   */
  public record Request(
      String reference,
      String countyCode,
      boolean open,
      String serviceCode,
      String serviceNameEn,
      String serviceNameSw,
      String description,
      Instant requested,
      Instant updated,
      Instant expected,
      String address,
      String wardCode,
      int photos) {

    /** The service's name in the reader's language. */
    public String serviceName(Locale locale) {
      return "sw".equals(locale.getLanguage()) ? serviceNameSw : serviceNameEn;
    }
  }

  private record Row(
      String reference,
      String countyCode,
      String status,
      String serviceCode,
      String nameEn,
      String nameSw,
      int resolveDays,
      String wardCode,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      boolean publishConsent,
      String description,
      int photos) {}

  private final JdbcClient jdbc;
  private final GeographyApi geography;
  private final ServiceAreaCatalogue areas;
  private final Intake intake;

  Open311Requests(
      JdbcClient jdbc, GeographyApi geography, ServiceAreaCatalogue areas, Intake intake) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.areas = areas;
    this.intake = intake;
  }

  /**
   * The county of a {@code jurisdiction_id}.
   *
   * @throws UserError 400 when it is missing, 404 when no county has that code
   */
  public County jurisdiction(String jurisdictionId) {
    if (jurisdictionId == null || jurisdictionId.isBlank()) {
      throw UserError.badRequest("open311.error.jurisdiction.missing");
    }
    return geography
        .county(jurisdictionId.strip())
        .orElseThrow(() -> UserError.notFound("open311.error.jurisdiction.unknown"));
  }

  /** The county's active service areas, in their order. */
  public List<ServiceArea> services(String countyCode) {
    return areas.active(countyCode);
  }

  /**
   * One active service area of the county.
   *
   * @throws UserError 404 when the county has no active area with this code
   */
  public ServiceArea service(String countyCode, String serviceCode) {
    return areas
        .find(countyCode, serviceCode == null ? "" : serviceCode)
        .filter(ServiceArea::active)
        .orElseThrow(() -> UserError.notFound("open311.error.service.unknown"));
  }

  /** The county's wards, for the service definition's ward attribute (one query). */
  public List<Ward> wards(String countyCode) {
    return geography
        .wards(
            countyCode, new ke.baraza.shared.PageRequest(0, ke.baraza.shared.PageRequest.MAX_SIZE))
        .items();
  }

  /**
   * Files a request from an app as a case of channel {@link Channel#OPEN311}. A retry of the same
   * request with the same key files one case: the intake key is the key's id and a hash of the
   * client's {@code Idempotency-Key} header when it sends one, else of every field it sent.
   *
   * @param holder the key's holder; its county must be the jurisdiction
   * @param fields the POST fields except {@code api_key}
   * @param idempotencyKey the client's {@code Idempotency-Key} header, or null
   * @return the case's reference
   * @throws UserError 403 when the key belongs to another county; as {@link Intake#file} otherwise
   */
  public Filed file(
      Open311Keys.Holder holder,
      String countyCode,
      Map<String, String> fields,
      String idempotencyKey,
      Locale language) {
    if (!holder.countyCode().equals(countyCode)) {
      throw new UserError(HttpStatus.FORBIDDEN, "open311.error.key.other-county");
    }
    String ward = fields.getOrDefault("address_id", fields.get("attribute[ward]"));
    String contact = blank(fields.get("email")) ? fields.get("phone") : fields.get("email").strip();
    String fingerprint =
        idempotencyKey != null && !idempotencyKey.isBlank()
            ? "header|" + idempotencyKey.strip()
            : "fields|"
                + new TreeMap<>(fields)
                    .entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n"));
    return intake.file(
        new NewCase(
            countyCode,
            fields.get("service_code"),
            ward,
            fields.get("description"),
            Channel.OPEN311,
            language,
            contact,
            holder.publicId() + ":" + Codes.sha256(fingerprint),
            List.of(),
            null,
            false));
  }

  /**
   * Requests of the county, newest first, at most {@value #MAX_REQUESTS}. With {@code ids} the
   * other filters are ignored (as the specification says); otherwise the window is {@code
   * start}..{@code end}, by default the last 90 days, and may not span more.
   *
   * @param ids comma-separated references, or null
   * @param serviceCodes comma-separated service codes, or null
   * @param start w3 date-time, or null
   * @param end w3 date-time, or null
   * @param statuses comma-separated {@code open}, {@code closed}, or null for both
   * @throws UserError 400 for a malformed date, a span over 90 days or an unknown status
   */
  @Transactional(readOnly = true)
  public List<Request> requests(
      String countyCode,
      String ids,
      String serviceCodes,
      String start,
      String end,
      String statuses,
      Instant now) {
    StringBuilder where = new StringBuilder(" where c.county_code = :county");
    Map<String, Object> params = new HashMap<>();
    params.put("county", countyCode);
    List<String> references = split(ids);
    if (!references.isEmpty()) {
      List<String> valid =
          references.stream().map(Codes::reference).flatMap(Optional::stream).toList();
      if (valid.isEmpty()) {
        return List.of();
      }
      where.append(" and c.reference in (:ids)");
      params.put("ids", valid);
    } else {
      Instant to = end == null || end.isBlank() ? now : instant(end);
      Instant from = start == null || start.isBlank() ? to.minus(MAX_SPAN) : instant(start);
      if (from.isAfter(to) || Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
        throw UserError.badRequest("open311.error.dates.span");
      }
      where.append(" and c.created_at >= :from and c.created_at <= :to");
      params.put("from", from.atOffset(ZoneOffset.UTC));
      params.put("to", to.atOffset(ZoneOffset.UTC));
      List<String> codes = split(serviceCodes);
      if (!codes.isEmpty()) {
        where.append(" and a.public_id in (:codes)");
        params.put("codes", codes);
      }
      List<String> wanted = split(statuses);
      if (!wanted.isEmpty()) {
        if (!Set.of("open", "closed").containsAll(wanted)) {
          throw UserError.badRequest("open311.error.status.unknown");
        }
        if (wanted.size() == 1) {
          where.append(
              wanted.contains("open")
                  ? " and c.status not in (:closed)"
                  : " and c.status in (:closed)");
          params.put("closed", CLOSED.stream().map(Enum::name).toList());
        }
      }
    }
    List<Row> rows =
        jdbc.sql(
                """
                select c.reference, c.county_code, c.status, a.public_id as service_code,
                       a.name_en, a.name_sw, a.resolve_days, c.ward_code, c.created_at,
                       c.updated_at, c.publish_consent,
                       case when c.publish_consent then c.description end as description,
                       case when c.publish_consent then (select count(*) from feedback_case_photo p
                                                          where p.case_id = c.id) else 0 end
                         as photos
                from feedback_case c join feedback_service_area a on a.id = c.service_area_id"""
                    + where
                    + " order by c.created_at desc, c.id desc limit "
                    + MAX_REQUESTS)
            .params(params)
            .query(Row.class)
            .list();
    Map<String, Ward> wards =
        geography.wards(rows.stream().map(Row::wardCode).collect(Collectors.toSet()));
    String countyName = geography.county(countyCode).map(County::name).orElse(countyCode);
    List<Request> requests = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Ward ward = wards.get(r.wardCode());
      String address =
          ward == null
              ? countyName
              : String.join(", ", ward.name(), ward.subCountyName(), countyName);
      Instant created = r.createdAt().toInstant();
      requests.add(
          new Request(
              r.reference(),
              r.countyCode(),
              !CLOSED.contains(CaseStatus.valueOf(r.status())),
              r.serviceCode(),
              r.nameEn(),
              r.nameSw(),
              r.description(),
              created,
              r.updatedAt().toInstant(),
              created.plus(Duration.ofDays(r.resolveDays())),
              address,
              r.wardCode(),
              r.photos()));
    }
    return requests;
  }

  /**
   * One request of the county.
   *
   * @throws UserError 404 when the county has no case with this reference
   */
  public Request request(String countyCode, String reference, Instant now) {
    if (Codes.reference(reference).isEmpty()) {
      throw UserError.notFound("open311.error.request.unknown");
    }
    return requests(countyCode, reference, null, null, null, null, now).stream()
        .findFirst()
        .orElseThrow(() -> UserError.notFound("open311.error.request.unknown"));
  }

  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw UserError.badRequest("open311.error.date.invalid");
    }
  }

  private static List<String> split(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .limit(MAX_REQUESTS)
        .toList();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
