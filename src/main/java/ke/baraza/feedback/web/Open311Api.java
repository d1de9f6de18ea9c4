package ke.baraza.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import ke.baraza.feedback.internal.Filed;
import ke.baraza.feedback.internal.Open311Keys;
import ke.baraza.feedback.internal.Open311Requests;
import ke.baraza.feedback.internal.ServiceArea;
import ke.baraza.geography.County;
import ke.baraza.geography.Ward;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.RefreshingCache;
import ke.baraza.platform.UserError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}, in XML ({@code text/xml}) and JSON ({@code
 * application/json}) after the path's suffix. One endpoint serves every county: {@code
 * jurisdiction_id} is the county's code. Ids are strings; errors are Open311 error documents with a
 * 4xx status. Reading needs no key; filing a request needs an {@code api_key} of the county.
 */
@RestController
class Open311Api {

  static final String BASE = "/open311/v2";
  static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

  /** When this API's discovery document or service definitions last changed shape. */
  static final String CHANGESET = "2026-11-23 00:00";

  private static final DateTimeFormatter W3 = DateTimeFormatter.ISO_INSTANT;

  private final Open311Requests open311;
  private final Open311Keys keys;
  private final MessageSource messages;
  private final Clock clock;

  /**
   * The answer to the unfiltered list of a jurisdiction (the last 90 days, what clients poll), per
   * county, format and language: up to a thousand requests written on every poll held it at an
   * eighth of the framework floor. Filtered queries are always read afresh.
   */
  private final RefreshingCache<String, String> latest;

  Open311Api(
      Open311Requests open311,
      Open311Keys keys,
      MessageSource messages,
      Clock clock,
      @Value("${baraza.public-figures.max-age:PT1M}") Duration maxAge) {
    this.open311 = open311;
    this.keys = keys;
    this.messages = messages;
    this.clock = clock;
    this.latest = new RefreshingCache<>(maxAge, clock);
  }

  @GetMapping(BASE + "/discovery.{format}")
  ResponseEntity<String> discovery(@PathVariable String format, Locale locale) {
    format = checked(format);
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("specification", SPECIFICATION);
    endpoint.put("url", base() + BASE);
    endpoint.put("changeset", CHANGESET);
    endpoint.put("type", "production");
    endpoint.put("formats", List.of("text/xml", "application/json"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("changeset", CHANGESET);
    body.put("contact", t("open311.discovery.contact", locale));
    body.put("key_service", t("open311.discovery.key-service", locale));
    body.put("endpoints", List.of(endpoint));
    return Open311Documents.respond(200, "discovery", body, format);
  }

  @GetMapping(BASE + "/services.{format}")
  ResponseEntity<String> services(
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      Locale locale) {
    format = checked(format);
    County county = open311.jurisdiction(jurisdiction);
    List<Map<String, Object>> list = new ArrayList<>();
    for (ServiceArea area : open311.services(county.code())) {
      Map<String, Object> service = new LinkedHashMap<>();
      service.put("service_code", area.publicId());
      service.put("service_name", area.name(locale));
      service.put("description", null);
      service.put("metadata", true);
      service.put("type", "realtime");
      service.put("keywords", area.keywordEn() + ", " + area.keywordSw());
      service.put("group", null);
      list.add(service);
    }
    return Open311Documents.respond(200, "services", list, format);
  }

  @GetMapping(BASE + "/services/{code}.{format}")
  ResponseEntity<String> definition(
      @PathVariable String code,
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      Locale locale) {
    format = checked(format);
    County county = open311.jurisdiction(jurisdiction);
    ServiceArea area = open311.service(county.code(), code);
    List<Map<String, Object>> values = new ArrayList<>();
    for (Ward ward : open311.wards(county.code())) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("key", ward.code());
      value.put("name", ward.name() + " (" + ward.subCountyName() + ")");
      values.add(value);
    }
    Map<String, Object> attribute = new LinkedHashMap<>();
    attribute.put("variable", true);
    attribute.put("code", "ward");
    attribute.put("datatype", "singlevaluelist");
    attribute.put("required", true);
    attribute.put("datatype_description", t("open311.attribute.ward.datatype", locale));
    attribute.put("order", 1);
    attribute.put("description", t("open311.attribute.ward.description", locale));
    attribute.put("values", values);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service_code", area.publicId());
    body.put("attributes", List.of(attribute));
    return Open311Documents.respond(200, "service_definition", body, format);
  }

  /**
   * Files a request: {@code api_key}, {@code jurisdiction_id}, {@code service_code}, the ward as
   * {@code attribute[ward]} or {@code address_id}, {@code description}, optional {@code email} or
   * {@code phone}. {@code media_url} is ignored: Baraza never fetches a URL a client gives.
   */
  @PostMapping(BASE + "/requests.{format}")
  ResponseEntity<String> post(
      @PathVariable String format,
      @RequestParam MultiValueMap<String, String> fields,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Locale locale) {
    format = checked(format);
    Open311Keys.Holder holder =
        keys.holder(fields.getFirst("api_key"))
            .orElseThrow(() -> new UserError(HttpStatus.FORBIDDEN, "open311.error.key.invalid"));
    County county = open311.jurisdiction(fields.getFirst("jurisdiction_id"));
    Map<String, String> sent = new LinkedHashMap<>();
    fields.forEach(
        (name, list) -> {
          if (!name.equals("api_key") && !list.isEmpty()) {
            sent.put(name, list.getFirst());
          }
        });
    Filed filed = open311.file(holder, county.code(), sent, idempotencyKey, locale);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("service_request_id", filed.reference());
    request.put("service_notice", t("open311.request.notice", locale, filed.reference()));
    return Open311Documents.respond(
        filed.duplicate() ? 200 : 201, "service_requests", List.of(request), format);
  }

  /**
   * Requests are filed in real time, so a token is the request's own id: a client written for batch
   * servers still finds its request.
   */
  @GetMapping(BASE + "/tokens/{token}.{format}")
  ResponseEntity<String> token(
      @PathVariable String token,
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    format = checked(format);
    County county = open311.jurisdiction(jurisdiction);
    Open311Requests.Request found = open311.request(county.code(), token, clock.instant());
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("service_request_id", found.reference());
    request.put("token", token);
    return Open311Documents.respond(200, "service_requests", List.of(request), format);
  }

  @GetMapping(BASE + "/requests.{format}")
  ResponseEntity<String> requests(
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      @RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String codes,
      @RequestParam(name = "start_date", required = false) String start,
      @RequestParam(name = "end_date", required = false) String end,
      @RequestParam(name = "status", required = false) String status,
      Locale locale) {
    String chosen = checked(format);
    County county = open311.jurisdiction(jurisdiction);
    if (Stream.of(ids, codes, start, end, status).allMatch(p -> p == null || p.isBlank())) {
      return Open311Documents.respondWritten(
          200,
          latest.get(
              county.code() + "|" + chosen + "|" + locale.getLanguage(),
              key -> requests(county, null, null, null, null, null, chosen, locale)),
          chosen);
    }
    return Open311Documents.respondWritten(
        200, requests(county, ids, codes, start, end, status, chosen, locale), chosen);
  }

  private String requests(
      County county,
      String ids,
      String codes,
      String start,
      String end,
      String status,
      String format,
      Locale locale) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Open311Requests.Request r :
        open311.requests(county.code(), ids, codes, start, end, status, clock.instant())) {
      list.add(request(r, locale));
    }
    return Open311Documents.write("service_requests", list, format);
  }

  @GetMapping(BASE + "/requests/{id}.{format}")
  ResponseEntity<String> request(
      @PathVariable String id,
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      Locale locale) {
    format = checked(format);
    County county = open311.jurisdiction(jurisdiction);
    Open311Requests.Request found = open311.request(county.code(), id, clock.instant());
    return Open311Documents.respond(
        200, "service_requests", List.of(request(found, locale)), format);
  }

  /** Every refusal as an Open311 error document, in the format the path asked for. */
  @ExceptionHandler(UserError.class)
  ResponseEntity<String> refused(UserError error, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    List<Map<String, Object>> errors = new ArrayList<>();
    if (error instanceof InvalidInput invalid && !invalid.fieldErrors().isEmpty()) {
      invalid
          .fieldErrors()
          .forEach(
              (field, key) ->
                  errors.add(
                      error(
                          invalid.status().value(),
                          field(field) + ": " + messages.getMessage(key, null, key, locale))));
    } else {
      errors.add(
          error(
              error.status().value(),
              messages.getMessage(error.messageKey(), error.args(), error.messageKey(), locale)));
    }
    String path = request.getRequestURI();
    String format = path.endsWith(".xml") ? "xml" : "json";
    return Open311Documents.respond(error.status().value(), "errors", errors, format);
  }

  private Map<String, Object> request(Open311Requests.Request r, Locale locale) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("service_request_id", r.reference());
    request.put("status", r.open() ? "open" : "closed");
    request.put("service_name", r.serviceName(locale));
    request.put("service_code", r.serviceCode());
    request.put("description", r.description());
    request.put("requested_datetime", w3(r.requested()));
    request.put("updated_datetime", w3(r.updated()));
    request.put("expected_datetime", w3(r.expected()));
    request.put("address", r.address());
    request.put("address_id", r.wardCode());
    request.put(
        "media_url",
        r.photos() > 0
            ? base() + "/feedback/" + r.countyCode() + "/cases/" + r.reference() + "/photos/1"
            : null);
    return request;
  }

  private static Map<String, Object> error(int code, String description) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("description", description);
    return error;
  }

  /** The Open311 name of an intake field, for an error's description. */
  private static String field(String intakeField) {
    return switch (intakeField) {
      case "serviceArea" -> "service_code";
      case "wardCode" -> "attribute[ward]";
      case "contact" -> "email/phone";
      default -> intakeField;
    };
  }

  private static String checked(String format) {
    if (!Open311Documents.known(format)) {
      throw UserError.notFound("open311.error.format");
    }
    return format;
  }

  private String t(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String w3(Instant instant) {
    return W3.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }
}
