package ke.baraza.plans.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.BodyRef;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.shared.PublicId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code --demo}, after the directory's demo networks: Kakamega's OGP action plan 2024–2027 (seed
 * 004) with its lead institutions (a county office with a civil society partner for each area), its
 * steering committee, its civil-society endorsers, its four ambition areas, and a few commitments,
 * milestones and indicators drawn from the plan's text. The seed lists no commitment in detail, no
 * dates of milestones and no figures: the dates are spread over the plan's period, baselines are
 * zero and targets round, and no value is invented. Loaded once.
 */
@Component
@Order(120)
class DemoPlans implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);
  static final String TITLE = "Kakamega County OGP Local Action Plan 2024–2027";

  private static final String BUDGET = "Open budget and access to information";
  private static final String PARTICIPATION = "Public participation and citizen engagement";
  private static final String ASSEMBLY = "Open county assembly";
  private static final String CLIMATE = "Climate change";

  private final DirectoryApi directory;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoPlans(DirectoryApi directory, JdbcClient jdbc, Clock clock) {
    this.directory = directory;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!args.containsOption("demo")) {
      return;
    }
    Optional<BodyRef> steering =
        directory.bodies("037").stream().filter(b -> "OGP-SC".equals(b.acronym())).findFirst();
    if (steering.isEmpty()) {
      log.info("No demo OGP steering committee: no demo plan");
      return;
    }
    if (jdbc.sql("select count(*) from plan where county_code = '037' and title = ?")
            .param(TITLE)
            .query(Integer.class)
            .single()
        > 0) {
      log.info("The demo plan is loaded already");
      return;
    }
    Map<String, String> org =
        directory.activeMembers(steering.get().publicId()).stream()
            .collect(Collectors.toMap(Contact::name, Contact::publicId, (a, b) -> a));
    String ombudsman = org.get("County Government of Kakamega, Office of the Ombudsman");
    String trust = org.get("Kakamega Development Trust");
    String participation =
        org.get("County Government of Kakamega, Directorate of Public Participation");
    String centre = org.get("Kakamega Community Centre");
    String environment =
        org.get(
            "County Government of Kakamega, Department of Environment, Water, Natural Resources"
                + " and Climate Change");
    String youth = org.get("Kakamega Youth Water Parliament");
    String finance =
        org.get(
            "County Government of Kakamega, Department of Finance, Budget, Economic Planning,"
                + " ICT, e-Government and Communication");
    String assembly = org.get("County Assembly of Kakamega");
    if (java.util.stream.Stream.of(
            ombudsman, trust, participation, centre, environment, youth, finance, assembly)
        .anyMatch(java.util.Objects::isNull)) {
      log.info("Demo OGP lead institutions missing among {}: no demo plan", org.keySet());
      return;
    }
    long plan =
        insert(
            "insert into plan (public_id, county_code, kind, title, summary, starts_on, ends_on,"
                + " created_at, updated_at) values (?, '037', 'OGP_ACTION_PLAN', ?, ?, ?, ?, ?, ?)",
            "plan",
            TITLE,
            "Kakamega County commits to greater transparency, accountability and public"
                + " participation by adopting the Open Government Partnership principles, working"
                + " with civil society for inclusive governance, better services and sustainable"
                + " development. Submitted on 30 November 2024. (Demo data)",
            Date.valueOf(LocalDate.of(2024, 11, 30)),
            Date.valueOf(LocalDate.of(2027, 6, 30)),
            now(),
            now());
    for (String lead :
        List.of(ombudsman, trust, participation, centre, environment, youth, finance)) {
      party(plan, "LEAD", lead);
    }
    party(plan, "STEERING", steering.get().publicId());
    for (String endorser :
        List.of("Kakamega Civil Society Network", "Kakamega Disability Caucus", "YSAG")) {
      if (org.containsKey(endorser)) {
        party(plan, "ENDORSER", org.get(endorser));
      }
    }
    jdbc.sql("insert into plan_programme (plan_id, code, name) values (?, ?, ?), (?, ?, ?)")
        .params(
            plan,
            "CIDP-GOV",
            "Governance, public participation and access to information (illustrative)",
            plan,
            "CIDP-ENV",
            "Environment, natural resources and climate change (illustrative)")
        .update();

    long openData =
        commitment(
            plan,
            BUDGET,
            "Open data on budgets, projects and expenditure",
            "Residents and civil society lack timely access to data on development projects,"
                + " resource allocation and expenditure, and fiscal plans are poorly disseminated.",
            "Publish the county's budget documents, project information and expenditure as open"
                + " data, and give civil society unrestricted access to non-confidential data.",
            finance,
            "CIDP-GOV");
    supporter(openData, trust);
    milestone(
        openData, "Budget documents and fiscal plans published on the county website", 2025, 6);
    milestone(openData, "Open data portal with project and expenditure data launched", 2026, 3);
    indicator(openData, "Budget documents published on time", "%", 0, 100, "ANNUAL", "");
    long information =
        commitment(
            plan,
            BUDGET,
            "Access to information through the Office of the Ombudsman",
            "Requests for information and complaints of maladministration have had no clear"
                + " handler in the county.",
            "The Office of the Ombudsman, set up under the County Administrative Justice Act,"
                + " handles access to information and resolves maladministration.",
            ombudsman,
            "CIDP-GOV");
    supporter(information, trust);
    milestone(information, "Access-to-information procedures adopted and published", 2025, 9);
    indicator(
        information, "Information requests answered within 21 days", "%", 0, 90, "QUARTERLY", "");
    long forums =
        commitment(
            plan,
            PARTICIPATION,
            "Ward forums and civic education for budgeting and policy-making",
            "Residents, especially women, youth and persons with disabilities, take little part in"
                + " budgeting, planning and policy-making.",
            "Hold public forums in every sub-county and ward-level forums, and civic education"
                + " programmes with civil society, so that residents help shape budgets and policies.",
            participation,
            "CIDP-GOV");
    supporter(forums, centre);
    milestone(forums, "Public participation forums held in all 12 sub-counties", 2025, 9);
    milestone(forums, "Civic education programme run with civil society", 2026, 6);
    indicator(
        forums,
        "Residents taking part in ward forums",
        "people",
        0,
        6000,
        "QUARTERLY",
        "SEX,AGE_BAND,DISABILITY,WARD");
    long feedback =
        commitment(
            plan,
            PARTICIPATION,
            "Citizen feedback: hotlines, suggestion boxes, surveys and community scorecards",
            "Residents have few ways to raise concerns and complaints and see them answered.",
            "Set up hotlines, suggestion boxes, surveys and community scorecards, and report"
                + " results publicly at barazas and on the county website.",
            participation,
            "CIDP-GOV");
    supporter(feedback, ombudsman);
    milestone(feedback, "Community scorecards piloted in selected wards", 2026, 3);
    indicator(feedback, "Citizen complaints resolved", "%", 0, 80, "QUARTERLY", "");
    long open =
        commitment(
            plan,
            ASSEMBLY,
            "Open county assembly proceedings",
            "Residents cannot easily follow the county assembly's work and decisions.",
            "Publish the county assembly's order papers, Hansard and committee reports, and hold"
                + " public hearings on bills in the wards.",
            assembly,
            "CIDP-GOV");
    milestone(open, "Order papers and Hansard published online", 2025, 12);
    indicator(open, "Committee reports published", "reports", 0, 40, "ANNUAL", "");
    long climate =
        commitment(
            plan,
            CLIMATE,
            "Inclusive climate action and the Kakamega Forest Restoration Programme",
            "Climate policies are made with little say from the communities who live with their"
                + " effects, and the county's forests are degraded.",
            "Involve communities, businesses and NGOs in climate policy and in conserving the"
                + " county's natural resources through the forest restoration programme.",
            environment,
            "CIDP-ENV");
    supporter(climate, youth);
    milestone(climate, "Ward climate change planning committees in place", 2025, 12);
    milestone(climate, "Community forest restoration activities under way", 2026, 9);
    indicator(climate, "Trees planted with communities", "trees", 0, 100000, "ANNUAL", "WARD");
    log.info("Demo plan loaded: {}", TITLE);
  }

  private long commitment(
      long plan,
      String area,
      String title,
      String problem,
      String description,
      String lead,
      String programme) {
    return insert(
        "insert into plan_commitment (public_id, plan_id, ambition_area, title, problem,"
            + " description, lead_ref, programme_code, status, report_frequency, created_at,"
            + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'ONGOING', 'QUARTERLY', ?, ?)",
        "plan_commitment",
        plan,
        area,
        title,
        problem,
        description,
        lead,
        programme,
        now(),
        now());
  }

  private void milestone(long commitment, String title, int year, int month) {
    insert(
        "insert into plan_milestone (public_id, commitment_id, title, due_on, status, created_at)"
            + " values (?, ?, ?, ?, 'NOT_STARTED', ?)",
        "plan_milestone",
        commitment,
        title,
        Date.valueOf(LocalDate.of(year, month, 1).plusMonths(1).minusDays(1)),
        now());
  }

  private void indicator(
      long commitment,
      String name,
      String unit,
      int baseline,
      int target,
      String frequency,
      String disaggregation) {
    insert(
        "insert into plan_indicator (public_id, commitment_id, name, unit, baseline, target,"
            + " frequency, disaggregation, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "plan_indicator",
        commitment,
        name,
        unit,
        BigDecimal.valueOf(baseline),
        BigDecimal.valueOf(target),
        frequency,
        disaggregation,
        now());
  }

  private void party(long plan, String role, String ref) {
    jdbc.sql("insert into plan_party (plan_id, role, ref) values (?, ?, ?)")
        .params(plan, role, ref)
        .update();
  }

  private void supporter(long commitment, String ref) {
    jdbc.sql("insert into plan_commitment_supporter (commitment_id, ref) values (?, ?)")
        .params(commitment, ref)
        .update();
  }

  /** Inserts a row with a new public id as the first parameter; returns its id. */
  private long insert(String sql, String table, Object... params) {
    String publicId = PublicId.next();
    Object[] all = new Object[params.length + 1];
    all[0] = publicId;
    System.arraycopy(params, 0, all, 1, params.length);
    jdbc.sql(sql).params(all).update();
    return jdbc.sql("select id from " + table + " where public_id = ?")
        .param(publicId)
        .query(Long.class)
        .single();
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
