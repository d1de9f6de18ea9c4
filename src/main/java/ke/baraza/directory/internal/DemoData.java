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
import ke.baraza.directory.OrganisationStatus;
import ke.baraza.directory.OrganisationType;
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
 * mechanism with its implementing partners (Kitui, Makueni, Taita Taveta) and Kakamega's OGP
 * steering committee. Never loaded unless asked; loading twice adds nothing.
 */
@Component
@Order(100)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  static final String MARK = "Demo data";

  private final Organisations organisations;
  private final Bodies bodies;
  private final Memberships memberships;
  private final ThematicAreas themes;
  private final GeographyApi geography;
  private final Clock clock;

  DemoData(
      Organisations organisations,
      Bodies bodies,
      Memberships memberships,
      ThematicAreas themes,
      GeographyApi geography,
      Clock clock) {
    this.organisations = organisations;
    this.bodies = bodies;
    this.memberships = memberships;
    this.themes = themes;
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
  }

  /** Seed 003: the SEK coordination mechanism and its implementing partners in three counties. */
  private void sek() {
    Map<String, String[]> partners = new HashMap<>();
    partners.put("015", new String[] {"KIWASH", "KCDMS"});
    partners.put("017", new String[] {"KCDMS", "CASE OVC"});
    partners.put("006", new String[] {"AVCD", "WFP"});
    for (var entry : partners.entrySet()) {
      String county = entry.getKey();
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
      admit(sek, rla, LocalDate.of(2020, 8, 1), null);
      for (String acronym : entry.getValue()) {
        Organisation ip =
            org(
                county,
                acronym,
                acronym,
                OrganisationType.IMPLEMENTING_PARTNER,
                null,
                null,
                List.of("agriculture", "nutrition"));
        admit(sek, ip, LocalDate.of(2020, 8, 1), null);
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
      admit(sek, donor, LocalDate.of(2020, 8, 1), null);
      Body clt =
          body(
              county,
              BodyKind.LIAISON_TEAM,
              "USAID County Liaison Team",
              "CLT",
              donor,
              "Five USAID staff who represent the Mission to the county.");
      admit(clt, donor, LocalDate.of(2020, 11, 1), null);
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
