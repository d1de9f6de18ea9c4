package ke.baraza.meetings.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.BodyRef;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.directory.OrganisationSummary;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Capacity assessments of the directory's organisations: each {@link AssessmentDomain} scored 1 to
 * 5 on a date, and progress over time per organisation and per network. Not public: an
 * organisation's assessments are entered and seen by its editors, the coordinators of a body it is
 * an active member of (and the county's coordinators), and the county's officials and
 * administrators; a network's progress by its coordinators and the county's staff.
 */
@Service
public class CapacityAssessmentService {

  private final DirectoryApi directory;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;

  CapacityAssessmentService(
      DirectoryApi directory,
      JdbcClient jdbc,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx) {
    this.directory = directory;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /**
   * One assessment round (a date): the average score of each domain over the organisations assessed
   * that day (for one organisation, its scores).
   */
  public record Round(LocalDate date, Map<AssessmentDomain, Double> averages, int organisations) {}

  /**
   * The progress of an organisation or a network, its rounds by date.
   *
   * @param network whether it is a network's (averages over its active member organisations)
   * @param mayAssess whether the current user may enter an assessment (organisations only)
   */
  public record Progress(
      String publicId,
      String name,
      String countyCode,
      boolean network,
      List<Round> rounds,
      boolean mayAssess) {}

  /**
   * An organisation's progress.
   *
   * @throws UserError 404 for an unknown organisation, 403 for someone who may not see it
   */
  public Progress ofOrganisation(String organisationId) {
    OrganisationSummary org = organisation(organisationId);
    if (!mayAssess(org)) {
      throw UserError.forbidden();
    }
    return new Progress(
        org.publicId(), org.name(), org.countyCode(), false, rounds(List.of(org.publicId())), true);
  }

  /**
   * A network's progress: per date, each domain's average over its active member organisations'
   * assessments of that date.
   *
   * @throws UserError 404 for an unknown body, 403 for someone who may not see it
   */
  public Progress ofNetwork(String bodyId) {
    BodyRef body =
        directory
            .body(bodyId == null ? "" : bodyId)
            .orElseThrow(() -> UserError.notFound("capacity.network.unknown"));
    SignedInUser user = CurrentUser.get().orElseThrow(UserError::forbidden);
    if (!countyStaff(user, body.countyCode())
        && !user.holdsFor(Role.NETWORK_COORDINATOR, body.publicId())) {
      throw UserError.forbidden();
    }
    List<String> members =
        directory.activeMembers(body.publicId()).stream().map(Contact::publicId).toList();
    return new Progress(
        body.publicId(),
        body.name(),
        body.countyCode(),
        true,
        members.isEmpty() ? List.of() : rounds(members),
        false);
  }

  /**
   * Records an assessment of an organisation.
   *
   * @throws UserError 404 for an unknown organisation, 403 for someone who may not assess it
   * @throws InvalidInput 400 for a date that is not a date, in the future or before 2000, or a
   *     score that is not a whole number from 1 to 5; 409 when the organisation already has an
   *     assessment on that date
   */
  public void record(String organisationId, CapacityAssessmentForm form) {
    OrganisationSummary org = organisation(organisationId);
    if (!mayAssess(org)) {
      throw UserError.forbidden();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate date = null;
    try {
      date = LocalDate.parse(MeetingService.clean(form.assessedOn()));
      LocalDate today = clock.instant().atZone(MeetingTimes.NAIROBI).toLocalDate();
      if (date.isAfter(today) || date.getYear() < 2000) {
        errors.put("assessedOn", "capacity.date.range");
      }
    } catch (DateTimeParseException e) {
      errors.put("assessedOn", "capacity.date.invalid");
    }
    Map<AssessmentDomain, Integer> scores = new EnumMap<>(AssessmentDomain.class);
    for (AssessmentDomain d : AssessmentDomain.values()) {
      String s = MeetingService.clean(form.score(d));
      if (s.matches("[1-5]")) {
        scores.put(d, Integer.parseInt(s));
      } else {
        errors.put(d.field(), "capacity.score.invalid");
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    String publicId = PublicId.next();
    LocalDate on = date;
    try {
      tx.executeWithoutResult(
          status -> {
            jdbc.sql(
                    "insert into capacity_assessment (public_id, organisation_ref, county_code,"
                        + " assessed_on, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(
                    publicId,
                    org.publicId(),
                    org.countyCode(),
                    Date.valueOf(on),
                    MeetingService.actor(),
                    Timestamp.from(clock.instant()))
                .update();
            long id =
                jdbc.sql("select id from capacity_assessment where public_id = ?")
                    .param(publicId)
                    .query(Long.class)
                    .single();
            scores.forEach(
                (domain, score) ->
                    jdbc.sql(
                            "insert into capacity_score (assessment_id, domain, score)"
                                + " values (?, ?, ?)")
                        .params(id, domain.name(), score)
                        .update());
          });
    } catch (DuplicateKeyException taken) {
      throw new InvalidInput(HttpStatus.CONFLICT, Map.of("assessedOn", "capacity.date.taken"));
    }
    audit.record(
        MeetingService.actor(), "meetings:capacity-assessed", org.publicId(), org.countyCode());
  }

  /** The rounds of these organisations' assessments, by date; one query. */
  private List<Round> rounds(Collection<String> organisations) {
    record Line(LocalDate assessedOn, String domain, double average, int organisations) {}
    List<Line> lines =
        jdbc.sql(
                "select a.assessed_on, s.domain, avg(cast(s.score as double precision)) as"
                    + " average, count(distinct a.organisation_ref) as organisations"
                    + " from capacity_assessment a join capacity_score s on s.assessment_id = a.id"
                    + " where a.organisation_ref in (:organisations)"
                    + " group by a.assessed_on, s.domain order by a.assessed_on")
            .param("organisations", organisations)
            .query(Line.class)
            .list();
    Map<LocalDate, Map<AssessmentDomain, Double>> byDate = new LinkedHashMap<>();
    Map<LocalDate, Integer> counts = new LinkedHashMap<>();
    for (Line l : lines) {
      byDate
          .computeIfAbsent(l.assessedOn(), d -> new EnumMap<>(AssessmentDomain.class))
          .put(AssessmentDomain.valueOf(l.domain()), l.average());
      counts.merge(l.assessedOn(), l.organisations(), Math::max);
    }
    List<Round> rounds = new ArrayList<>();
    byDate.forEach((date, averages) -> rounds.add(new Round(date, averages, counts.get(date))));
    return rounds;
  }

  private OrganisationSummary organisation(String id) {
    return directory
        .organisation(id == null ? "" : id)
        .orElseThrow(() -> UserError.notFound("capacity.organisation.unknown"));
  }

  /**
   * Whether the current user assesses (and sees the assessments of) the organisation. Only the
   * bodies the user coordinates are asked for their members.
   */
  private boolean mayAssess(OrganisationSummary org) {
    SignedInUser user = CurrentUser.get().orElse(null);
    if (user == null) {
      return false;
    }
    if (countyStaff(user, org.countyCode())
        || user.holdsFor(Role.ORGANISATION_EDITOR, org.publicId())) {
      return true;
    }
    return directory.bodies(org.countyCode()).stream()
        .filter(b -> user.holdsFor(Role.NETWORK_COORDINATOR, b.publicId()))
        .anyMatch(
            b ->
                directory.activeMembers(b.publicId()).stream()
                    .anyMatch(m -> m.publicId().equals(org.publicId())));
  }

  /** Administrators, officials and county-wide coordinators of the county. */
  private static boolean countyStaff(SignedInUser user, String county) {
    return user.holds(Role.ADMINISTRATOR, county)
        || user.holds(Role.COUNTY_OFFICIAL, county)
        || user.holds(Role.NETWORK_COORDINATOR, county);
  }
}
