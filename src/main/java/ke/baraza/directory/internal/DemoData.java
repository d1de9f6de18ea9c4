package ke.baraza.directory.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ke.baraza.directory.BodyKind;
import ke.baraza.directory.BodyLevel;
import ke.baraza.directory.Demographics;
import ke.baraza.directory.OrganisationStatus;
import ke.baraza.directory.OrganisationType;
import ke.baraza.directory.PostRole;
import ke.baraza.directory.RegistrationBody;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.SubCounty;
import ke.baraza.geography.Ward;
import ke.baraza.shared.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code --demo}: loads the networks of the documents Baraza was built from, so that a newcomer
 * sees a populated directory — MCCN with ward CBOs and their groups in Masinga and Yatta
 * (Machakos), KCOP with its thematic areas and signed MoU (Kakamega), the SEK coordination
 * mechanism with its implementing partners, county leads, deputies and points of contact (Kitui,
 * Makueni, Taita Taveta) and Kakamega's OGP steering committee with its lead institutions and the
 * civil society that endorsed the action plan. Never loaded unless asked; loading twice adds
 * nothing.
 *
 * <p>People are named as in the seeds, which are public documents, with the titles the seeds give
 * them; their e-mail addresses and phone numbers are left out. The one liberty: the OGP plan's
 * civil-society endorsers are seated on its steering committee, which the plan does not name.
 */
@Component
@Order(100)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  static final String MARK = "Demo data";

  /**
   * Seed 003's table: per county, the implementing partner of the county lead and the lead, then
   * the partner of the deputy county lead and the deputy.
   */
  private static final String[][] SEK_LEADS = {
    {"015", "KIWASH", "Patrick Mburu", "KCDMS", "Meshack Mulinge"},
    {"017", "KCDMS", "Martin Miriti", "CASE OVC", "Timothy Muli"},
    {"006", "AVCD", "Ganga Rao", "WFP", "Margaret Indimuli"}
  };

  /** Job titles from the seed's participant list, where it names the same partner as the table. */
  private static final Map<String, String> SEK_TITLES =
      Map.of(
          "Patrick Mburu", "WASH Governance Specialist",
          "Meshack Mulinge", "Regional Manager, Eastern",
          "Martin Miriti", "County Coordinator, Makueni");

  /**
   * Seed 003's county points of contact: county, the county government office, the person and their
   * title, as the workshop report introduces them.
   */
  private static final String[][] SEK_CONTACTS = {
    {
      "006",
      "County Government of Taita Taveta, Department of Livestock and Fisheries",
      "Amos Mwasi",
      "Chief Officer for Livestock and Fisheries"
    },
    {
      "006",
      "County Government of Taita Taveta, Office of the Governor",
      "Mathew Gitau",
      "Economic Advisor"
    },
    {
      "015",
      "County Government of Kitui, Department of Agriculture",
      "Patricia Koki",
      "Agribusiness Expert"
    }
  };

  private final Organisations organisations;
  private final Bodies bodies;
  private final Memberships memberships;
  private final ThematicAreas themes;
  private final People people;
  private final Posts posts;
  private final GeographyApi geography;
  private final Clock clock;

  DemoData(
      Organisations organisations,
      Bodies bodies,
      Memberships memberships,
      ThematicAreas themes,
      People people,
      Posts posts,
      GeographyApi geography,
      Clock clock) {
    this.organisations = organisations;
    this.bodies = bodies;
    this.memberships = memberships;
    this.themes = themes;
    this.people = people;
    this.posts = posts;
    this.geography = geography;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!args.containsOption("demo")) {
      return;
    }
    if (loaded()) {
      log.info("Demo data is loaded already");
      return;
    }
    mccn();
    kcop();
    sek();
    log.info("Demo data loaded: MCCN, KCOP, the SEK coordination mechanism, Kakamega OGP");
  }

  /** Whether the demo MCCN is there (a network of the same name made by hand does not count). */
  private boolean loaded() {
    return bodies.findByCountyCodeOrderByName("016").stream()
        .anyMatch(
            b ->
                "MCCN".equals(b.acronym())
                    && b.description() != null
                    && b.description().endsWith("(" + MARK + ")"));
  }

  /** Seed 000: HERAF joins groups into ward CBOs under the Machakos County CSO Network. */
  private void mccn() {
    Organisation heraf =
        org(
            "016",
            "Health Rights Advocacy Forum",
            "HERAF",
            OrganisationType.NGO,
            null,
            null,
            List.of("health", "governance"));
    Body mccn =
        body(
            "016",
            BodyKind.NETWORK,
            "Machakos County CSO Network",
            "MCCN",
            heraf,
            "Civil society organisations, ward CBOs and their member groups of Machakos County.");
    admit(mccn, heraf, LocalDate.of(2019, 1, 15), null);
    for (SubCounty sub : geography.subCounties("016")) {
      if (!sub.name().equals("Masinga") && !sub.name().equals("Yatta")) {
        continue;
      }
      for (Ward ward : geography.wardsOfSubCounty(sub.code())) {
        Organisation cbo =
            org(
                "016",
                ward.name() + " Ward CBO",
                null,
                OrganisationType.CBO,
                ward.code(),
                null,
                List.of("governance", "health"));
        admit(mccn, cbo, LocalDate.of(2023, 6, 1), null);
        org(
            "016",
            ward.name() + " Women Self-Help Group",
            null,
            OrganisationType.WOMENS_GROUP,
            ward.code(),
            cbo,
            List.of("gender-equality", "livelihoods"));
        org(
            "016",
            ward.name() + " Youth Group",
            null,
            OrganisationType.YOUTH_GROUP,
            ward.code(),
            cbo,
            List.of("livelihoods"));
      }
    }
  }

  /** Seed 001: the Kakamega Community of Practice, its thematic areas and signed MoU. */
  private void kcop() {
    List<Ward> wards = geography.wards("037", new PageRequest(0, 60)).items();
    Body kcop =
        body(
            "037",
            BodyKind.NETWORK,
            "Kakamega Community of Practice",
            "KCOP",
            null,
            "CSOs working together for effective county governance and participatory development in Kakamega County.");
    String[][] members = {
      {"Kakamega Governance and Accountability Forum", "CSO", "governance"},
      {"Shinyalu Women Empowerment Network", "CBO", "gender-equality"},
      {"Mumias Youth for Climate Action", "YOUTH_GROUP", "climate-change"},
      {"Malava Smallholder Farmers Association", "CBO", "agriculture"},
      {"Lurambi Community Health Champions", "CBO", "health"},
      {"Kakamega Education Access Initiative", "CSO", "education"},
      {"Butere Social Justice Centre", "CSO", "social-justice"}
    };
    Organisation forum = null;
    for (int i = 0; i < members.length; i++) {
      Organisation member =
          org(
              "037",
              members[i][0],
              null,
              OrganisationType.valueOf(members[i][1]),
              wards.get(i * 7 % wards.size()).code(),
              null,
              List.of(members[i][2]));
      admit(kcop, member, LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 1));
      forum = forum == null ? member : forum;
    }
    Organisation county =
        org(
            "037",
            "County Government of Kakamega, Office of the Governor",
            null,
            OrganisationType.COUNTY_DEPARTMENT,
            null,
            null,
            List.of("governance"));
    Body ogp =
        body(
            "037",
            BodyKind.STEERING_COMMITTEE,
            "Kakamega OGP Steering Committee",
            "OGP-SC",
            county,
            "Oversees Kakamega's Open Government Partnership action plan 2024–2027.");
    admit(ogp, county, LocalDate.of(2024, 1, 10), null);
    admit(ogp, forum, LocalDate.of(2024, 1, 10), null);
    ogp(ogp);
  }

  /**
   * Seed 004: the steering committee brings together the county executive, the county assembly and
   * civil society. Its members here are the plan's lead institutions (a county office with a civil
   * society partner for each ambition area), the county assembly, and the organisations whose
   * leaders endorsed the plan. The plan names no one on the committee: the demo seats those four
   * leaders on it for their organisations, with the titles the plan gives them, and gives it no
   * chair or secretary.
   */
  private void ogp(Body ogp) {
    LocalDate since = LocalDate.of(2024, 11, 30); // the plan's submission
    String[][] leads = {
      {"County Government of Kakamega, Office of the Ombudsman", "COUNTY_DEPARTMENT", "governance"},
      {"Kakamega Development Trust", "CSO", "governance"},
      {
        "County Government of Kakamega, Directorate of Public Participation",
        "COUNTY_DEPARTMENT",
        "governance"
      },
      {"Kakamega Community Centre", "CBO", "governance"},
      {
        "County Government of Kakamega, Department of Environment, Water, Natural Resources and"
            + " Climate Change",
        "COUNTY_DEPARTMENT",
        "climate-change"
      },
      {"Kakamega Youth Water Parliament", "YOUTH_GROUP", "water-sanitation"},
      {
        "County Government of Kakamega, Department of Finance, Budget, Economic Planning, ICT,"
            + " e-Government and Communication",
        "COUNTY_DEPARTMENT",
        "governance"
      },
      {"County Assembly of Kakamega", "ASSEMBLY_COMMITTEE", "governance"}
    };
    for (String[] lead : leads) {
      Organisation member =
          org(
              "037",
              lead[0],
              null,
              OrganisationType.valueOf(lead[1]),
              null,
              null,
              List.of(lead[2]));
      admit(ogp, member, since, null);
    }
    Organisation network =
        org(
            "037",
            "Kakamega Civil Society Network",
            null,
            OrganisationType.CSO,
            null,
            null,
            List.of("governance"));
    Organisation caucus =
        org(
            "037",
            "Kakamega Disability Caucus",
            null,
            OrganisationType.PWD_GROUP,
            null,
            null,
            List.of("social-justice"));
    Organisation ysag =
        org("037", "YSAG", "YSAG", OrganisationType.CSO, null, null, List.of("governance"));
    for (Organisation member : List.of(network, caucus, ysag)) {
      admit(ogp, member, since, null);
    }
    seat(ogp, "Edward Wambani", network, "Chair", PostRole.MEMBER, since);
    seat(ogp, "Nicholus Anyangu", network, "Coordinator", PostRole.MEMBER, since);
    seat(ogp, "Lucy Mulombi", caucus, "Chair", PostRole.MEMBER, since);
    seat(ogp, "Conrad Keya", ysag, "Executive Director", PostRole.MEMBER, since);
  }

  /**
   * Seed 003: the SEK coordination mechanism in its three counties, with the implementing partners
   * of its table, their county leads and deputies, the county governments' points of contact, and
   * USAID's county liaison team (Makueni's two members by name).
   */
  private void sek() {
    LocalDate since = LocalDate.of(2020, 8, 1); // joint work planning, August 2020
    LocalDate onboarded = LocalDate.of(2021, 1, 19); // the onboarding workshop
    for (String[] row : SEK_LEADS) {
      String county = row[0];
      Organisation rla =
          org(
              county,
              "Resilience Learning Activity",
              "RLA",
              OrganisationType.IMPLEMENTING_PARTNER,
              null,
              null,
              List.of("livelihoods"));
      Body sek =
          body(
              county,
              BodyKind.COORDINATION_MECHANISM,
              "SEK Coordination Mechanism",
              "SEK",
              rla,
              "USAID implementing partners, the county government and USAID's county liaison team coordinating joint work plans aligned to the CIDP and ADP.");
      admit(sek, rla, since, null);
      Map<String, Organisation> partners = new HashMap<>();
      for (String acronym : List.of(row[1], row[3])) {
        Organisation ip =
            org(
                county,
                acronym,
                acronym,
                OrganisationType.IMPLEMENTING_PARTNER,
                null,
                null,
                List.of("agriculture", "nutrition"));
        admit(sek, ip, since, null);
        partners.put(acronym, ip);
      }
      Organisation lead = partners.get(row[1]);
      Organisation deputy = partners.get(row[3]);
      seat(sek, row[2], lead, SEK_TITLES.get(row[2]), PostRole.COUNTY_LEAD, onboarded);
      seat(sek, row[4], deputy, SEK_TITLES.get(row[4]), PostRole.DEPUTY_COUNTY_LEAD, onboarded);
      for (String[] contact : SEK_CONTACTS) {
        if (contact[0].equals(county)) {
          Organisation office =
              org(
                  county,
                  contact[1],
                  null,
                  OrganisationType.COUNTY_DEPARTMENT,
                  null,
                  null,
                  List.of("agriculture"));
          admit(sek, office, since, null);
          seat(sek, contact[2], office, contact[3], PostRole.POINT_OF_CONTACT, onboarded);
        }
      }
      Organisation donor =
          org(
              county,
              "USAID Kenya and East Africa",
              "USAID",
              OrganisationType.DONOR,
              null,
              null,
              List.of());
      admit(sek, donor, since, null);
      Body clt =
          body(
              county,
              BodyKind.LIAISON_TEAM,
              "USAID County Liaison Team",
              "CLT",
              donor,
              "Five USAID staff who represent the Mission to the county.");
      admit(clt, donor, LocalDate.of(2020, 11, 1), null);
      if (county.equals("017")) {
        for (String name : List.of("Diana Muiruri", "Lucy Kithome")) {
          seat(clt, name, donor, "Makueni CLT member", PostRole.MEMBER, onboarded);
        }
      }
    }
  }

  private Organisation org(
      String county,
      String name,
      String acronym,
      OrganisationType type,
      String homeWard,
      Organisation parent,
      List<String> themeKeys) {
    Set<Long> themeIds = new LinkedHashSet<>();
    for (String key : themeKeys) {
      themes.findByPublicId(county + "-" + key).ifPresent(t -> themeIds.add(t.id()));
    }
    OrganisationDetails details =
        new OrganisationDetails(
            name,
            acronym,
            type,
            type == OrganisationType.NGO ? RegistrationBody.OTHER : null,
            null,
            null,
            homeWard,
            homeWard == null ? Set.of() : Set.of(homeWard),
            themeIds,
            null,
            null,
            null,
            MARK,
            OrganisationStatus.ACTIVE,
            parent == null ? null : parent.id());
    return organisations.save(new Organisation(county, details, null, now()));
  }

  private Body body(
      String county,
      BodyKind kind,
      String name,
      String acronym,
      Organisation secretariat,
      String description) {
    return bodies.save(
        new Body(
            county,
            kind,
            BodyLevel.COUNTY,
            null,
            name,
            acronym,
            description + " (" + MARK + ")",
            secretariat == null ? null : secretariat.id(),
            null,
            now()));
  }

  /**
   * A person of the body's county, linked to one organisation with a title (or none), holding a
   * post in the body for it from {@code start}; no contacts, no demographics.
   */
  private void seat(
      Body body,
      String name,
      Organisation organisation,
      String title,
      PostRole role,
      LocalDate start) {
    Person person =
        new Person(
            body.countyCode(),
            new PersonDetails(name, title, null, null, "en", false, Demographics.NONE),
            null,
            now());
    person.join(organisation.id(), title);
    people.save(person);
    posts.save(new Post(body.id(), person.id(), organisation.id(), role, start, null, null, now()));
  }

  private void admit(Body body, Organisation organisation, LocalDate since, LocalDate mou) {
    Membership membership = Membership.admitted(body.id(), organisation.id(), since, null, now());
    if (mou != null) {
      membership.recordMou(mou);
    }
    memberships.save(membership);
  }

  private Instant now() {
    return clock.instant();
  }
}
