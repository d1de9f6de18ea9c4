package ke.baraza.directory.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ke.baraza.directory.BodyLevel;
import ke.baraza.directory.internal.OpenDataQueries;
import ke.baraza.directory.internal.OpenDataQueries.BodyRow;
import ke.baraza.directory.internal.OpenDataQueries.MembershipRow;
import ke.baraza.directory.internal.OpenDataQueries.OrganisationRow;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.SubCounty;
import ke.baraza.geography.Ward;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory as Popolo JSON (popoloproject.com): a county's organisations and bodies, the
 * memberships of organisations in bodies, and the areas they refer to. Public fields only, never an
 * e-mail address or phone number. Lists and objects that would be empty are left out, never {@code
 * null}, as the Popolo schemas require.
 *
 * <p>Area ids are {@code ke-county-016}, {@code ke-subcounty-076} and {@code ke-ward-0377} (the
 * IEBC codes); organisations and bodies use their public ids; a membership's id joins the body's
 * and the organisation's public ids.
 */
@RestController
@RequestMapping("/api/v1/popolo")
@Tag(name = "Open data (Popolo)", description = "Organisations, memberships and areas as Popolo")
class PopoloOrganisationController {

  static final String ORG_ID_SCHEME = "org-id.guide";
  static final String BARAZA_SCHEME = "baraza";

  /** A Popolo organization: an organisation of the directory, or a network or body. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Organization(
      String id,
      String name,
      @JsonProperty("other_names") List<OtherName> otherNames,
      List<Identifier> identifiers,
      String classification,
      @JsonProperty("parent_id") String parentId,
      @JsonProperty("area_id") String areaId,
      String description,
      @JsonProperty("founding_date") String foundingDate,
      List<Link> links) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record OtherName(String name, String note) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Identifier(String identifier, String scheme) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Link(String url, String note) {}

  /**
   * A Popolo membership of an organisation ({@code member}) in a body ({@code organization_id}).
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Membership(
      String id,
      String label,
      String role,
      Member member,
      @JsonProperty("organization_id") String organizationId,
      @JsonProperty("start_date") String startDate,
      @JsonProperty("end_date") String endDate) {}

  /** The member of a membership: an organization, as Popolo's {@code member} allows. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Member(@JsonProperty("@type") String type, String id, String name) {}

  /** A Popolo area: a county, sub-county or ward, without its geometry. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Area(
      String id,
      String identifier,
      String name,
      String classification,
      @JsonProperty("parent_id") String parentId) {}

  private final OpenDataQueries queries;
  private final GeographyApi geography;

  PopoloOrganisationController(OpenDataQueries queries, GeographyApi geography) {
    this.queries = queries;
    this.geography = geography;
  }

  @GetMapping("/organizations")
  @Operation(
      summary =
          "A county's networks and bodies, then its organisations, as Popolo organizations; paged"
              + " (size ≤ 200)")
  PageResult<Organization> organizations(
      @RequestParam(required = false) String county,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return queries
        .parties(required(county).code(), new PageRequest(page, size))
        .map(
            party ->
                switch (party) {
                  case OrganisationRow o -> organization(o);
                  case BodyRow b -> organization(b);
                });
  }

  @GetMapping("/memberships")
  @Operation(
      summary =
          "Memberships of a county's organisations in its networks and bodies (active, suspended,"
              + " left) as Popolo memberships; paged (size ≤ 200)")
  PageResult<Membership> memberships(
      @RequestParam(required = false) String county,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return queries
        .memberships(required(county).code(), new PageRequest(page, size))
        .map(PopoloOrganisationController::membership);
  }

  @GetMapping("/areas")
  @Operation(
      summary =
          "The 47 counties, or with ?county= that county, its sub-counties and its wards, as Popolo"
              + " areas without geometry; paged (size ≤ 200)")
  PageResult<Area> areas(
      @RequestParam(required = false) String county,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    PageRequest request = new PageRequest(page, size);
    List<Area> all = new ArrayList<>();
    if (county == null || county.isBlank()) {
      geography.counties().forEach(c -> all.add(area(c)));
    } else {
      County chosen = known(county);
      all.add(area(chosen));
      geography.subCounties(chosen.code()).forEach(s -> all.add(area(s)));
      PageResult<Ward> wards;
      int p = 0;
      do {
        wards = geography.wards(chosen.code(), new PageRequest(p++, PageRequest.MAX_SIZE));
        wards.items().forEach(w -> all.add(area(w)));
      } while (wards.hasNext());
    }
    int from = Math.min(request.offset(), all.size());
    int to = Math.min(from + request.size(), all.size());
    return new PageResult<>(all.subList(from, to), request.page(), request.size(), all.size());
  }

  static String countyArea(String code) {
    return "ke-county-" + code;
  }

  static String subCountyArea(String code) {
    return "ke-subcounty-" + code;
  }

  static String wardArea(String code) {
    return "ke-ward-" + code;
  }

  /** Popolo's classifications: lower case, words joined by hyphens ({@code self-help-group}). */
  static String classification(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Organization organization(OrganisationRow o) {
    boolean minted = o.identifier().startsWith("KE-BARAZA-");
    return new Organization(
        o.publicId(),
        o.name(),
        o.acronym() == null ? null : List.of(new OtherName(o.acronym(), "acronym")),
        List.of(new Identifier(o.identifier(), minted ? BARAZA_SCHEME : ORG_ID_SCHEME)),
        classification(o.type()),
        o.parentId(),
        o.homeWardCode() == null ? countyArea(o.countyCode()) : wardArea(o.homeWardCode()),
        o.description(),
        date(o.registrationDate()),
        o.website() == null ? null : List.of(new Link(o.website(), "website")));
  }

  private static Organization organization(BodyRow b) {
    String area =
        b.areaCode() == null
            ? countyArea(b.countyCode())
            : b.level() == BodyLevel.WARD ? wardArea(b.areaCode()) : subCountyArea(b.areaCode());
    return new Organization(
        b.publicId(),
        b.name(),
        b.acronym() == null ? null : List.of(new OtherName(b.acronym(), "acronym")),
        null,
        classification(b.kind()),
        null,
        area,
        b.description(),
        null,
        null);
  }

  private static Membership membership(MembershipRow m) {
    return new Membership(
        m.bodyId() + "-" + m.organisationId(),
        switch (m.status()) {
          case SUSPENDED -> "suspended member";
          case LEFT -> "former member";
          default -> "active member";
        },
        "member",
        new Member("Organization", m.organisationId(), m.organisationName()),
        m.bodyId(),
        date(m.since()),
        date(m.endedOn()));
  }

  private static Area area(County c) {
    return new Area(countyArea(c.code()), c.code(), c.name(), "county", null);
  }

  private static Area area(SubCounty s) {
    return new Area(
        subCountyArea(s.code()), s.code(), s.name(), "subcounty", countyArea(s.countyCode()));
  }

  private static Area area(Ward w) {
    return new Area(
        wardArea(w.code()), w.code(), w.name(), "ward", subCountyArea(w.subCountyCode()));
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private County required(String county) {
    if (county == null || county.isBlank()) {
      throw UserError.badRequest("opendata.county.required");
    }
    return known(county);
  }

  private County known(String county) {
    return geography
        .county(county)
        .orElseThrow(
            () ->
                UserError.notFound(
                    "geography.county.unknown", county.replaceAll("[^0-9A-Za-z]", "")));
  }
}
