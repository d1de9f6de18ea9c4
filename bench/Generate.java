// Fills a Baraza database with invented, realistic data at scale S, M or L (see bench/README.md).
// A single-file program: java -cp <h2 and postgresql jars> bench/Generate.java JDBC_URL USER PASSWORD SCALE [SEED]
// Deterministic for a seed. PostgreSQL is loaded with COPY, H2 with JDBC batches. Run it on a
// database Baraza has migrated and started once (themes and service areas in place), with Baraza
// stopped.

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

public class Generate {

  /** National volumes (scale L); a county gets its share by population. */
  static final long ORGANISATIONS = 200_000, PEOPLE = 2_000_000, MEETINGS = 100_000;
  static final long ATTENDANCE = 5_000_000, CASES = 2_000_000, ACTIVITIES = 500_000;

  /** KNBS 2019 Kenya Population and Housing Census, Volume I: population by county. */
  static final Map<String, Integer> POPULATION = new LinkedHashMap<>();

  static {
    int[] pop = {
      1208333, 866820, 1453787, 315943, 143920, 340671, 841353, 781263, 867457, 459785, 268002,
      1545714, 393177, 608599, 1136187, 1421932, 987653, 638289, 759164, 610411, 1056640, 2417735,
      926976, 621241, 310327, 990341, 1163186, 454480, 885711, 666763, 518560, 2162202, 1157873,
      1117840, 901777, 875689, 1867579, 590013, 1670570, 893681, 993183, 1155574, 1131950, 1116436,
      1266860, 605576, 4397073
    };
    for (int i = 0; i < pop.length; i++) {
      POPULATION.put(String.format("%03d", i + 1), pop[i]);
    }
  }

  /** Scale M: the ten most populous counties. */
  static final List<String> TEN = List.of(
      "047", "022", "032", "037", "039", "012", "003", "016", "045", "015");

  static final String[] FIRST_F = {"Wanjiku", "Akinyi", "Njeri", "Atieno", "Mwende", "Chebet",
    "Nafula", "Wairimu", "Achieng", "Kemunto", "Jepkosgei", "Halima", "Amina", "Zawadi", "Grace",
    "Mercy", "Faith", "Esther", "Mary", "Lucy", "Naliaka", "Khadija", "Moraa", "Nekesa"};
  static final String[] FIRST_M = {"Kamau", "Otieno", "Mwangi", "Kiprono", "Mutua", "Omondi",
    "Wafula", "Kibet", "Ochieng", "Barasa", "Hassan", "Juma", "Peter", "John", "David", "Joseph",
    "Daniel", "Samuel", "Wekesa", "Nyongesa", "Abdi", "Onyango", "Kiptoo", "Makau"};
  static final String[] SURNAMES = {"Wanjala", "Otieno", "Kariuki", "Mutiso", "Cheruiyot", "Odhiambo",
    "Shikuku", "Muriuki", "Nyaga", "Keter", "Omar", "Mohamed", "Simiyu", "Were", "Anyango",
    "Koech", "Ndungu", "Wambua", "Oduya", "Lusweti", "Makokha", "Mwakio", "Ruto", "Njoroge"};
  static final String[] ORG_WORDS = {"Women", "Youth", "Farmers", "Water", "Development",
    "Community", "Health", "Disability", "Savings", "Welfare", "Environment", "Bee Keepers",
    "Dairy", "Traders", "Orphans", "Widows", "Boda Boda", "Wanawake", "Vijana", "Umoja",
    "Tujisaidie", "Maendeleo", "Wakulima", "Jamii", "Amani", "Upendo", "Baraka", "Tumaini",
    "Juhudi", "Harambee", "Kilimo", "Maji", "Afya", "Elimu", "Ushirika", "Walemavu"};
  static final String[] ORG_SUFFIXES = {"Group", "Self Help Group", "CBO", "Initiative",
    "Association", "Network", "Trust", "Foundation", "Society", "Women Group", "Youth Group"};
  static final String[] ORG_TYPES = {"CSO", "CBO", "NGO", "FBO", "SELF_HELP_GROUP", "WOMENS_GROUP",
    "YOUTH_GROUP", "PWD_GROUP", "IMPLEMENTING_PARTNER", "DONOR", "MEDIA", "ACADEMIA"};
  static final String[] SENTENCES = {
    "We run table banking and savings for members.",
    "Tunaendesha miradi ya maji safi na usafi wa mazingira.",
    "Kikundi cha wanawake kinachojihusisha na kilimo cha mboga.",
    "Youth training in business skills and climate-smart farming.",
    "Tunafuatilia bajeti ya kaunti na miradi ya maendeleo katika wadi.",
    "Support to persons with disabilities and their caregivers."};
  static final String[] MEETING_KINDS = {"COORDINATION_MEETING", "COMMITTEE_MEETING",
    "PUBLIC_FORUM", "BARAZA", "WORKSHOP", "TRAINING", "FIELD_VISIT"};
  static final String[] MEETING_TITLES = {"Quarterly coordination meeting", "Mkutano wa wadi",
    "Public participation forum on the budget", "Baraza la chifu", "Training on social audits",
    "Mafunzo ya uongozi kwa vikundi", "Joint monitoring visit", "Steering committee meeting"};
  static final String[] COMPLAINTS_EN = {
    "The water kiosk has been dry for a week.", "The road to the market is impassable after rain.",
    "No drugs at the dispensary since last month.", "Garbage has not been collected for weeks.",
    "The street lights on the main road are off.", "The bursary list left out needy students."};
  static final String[] COMPLAINTS_SW = {
    "Maji hayatoki kwenye kioski kwa wiki moja.", "Barabara ya soko haipitiki baada ya mvua.",
    "Hakuna dawa kwenye zahanati tangu mwezi uliopita.", "Taka hazijakusanywa kwa wiki kadhaa.",
    "Taa za barabarani hazifanyi kazi.", "Orodha ya basari iliwaacha wanafunzi wenye mahitaji."};
  static final String[] STATUSES = {"RECEIVED", "ACKNOWLEDGED", "ASSIGNED", "IN_PROGRESS",
    "RESOLVED", "CLOSED", "REJECTED"};
  static final int[] STATUS_WEIGHTS = {10, 10, 8, 12, 30, 25, 5};
  static final String[] CHANNELS = {"WEB", "SMS", "USSD", "OPEN311", "PHONE_CALL", "WALK_IN"};
  static final int[] CHANNEL_WEIGHTS = {35, 30, 20, 3, 7, 5};
  static final String[] GENDERS = {"FEMALE", "MALE", "INTERSEX"};
  static final String[] AGE_BANDS = {"AGE_18_24", "AGE_25_35", "AGE_36_59", "AGE_60_PLUS"};
  static final String[] THEMES = {"HEALTH", "EDUCATION", "WATER_SANITATION",
    "AGRICULTURE_FOOD_SECURITY", "GOVERNANCE_ACCOUNTABILITY", "GENDER_GBV", "YOUTH",
    "DISABILITY_INCLUSION", "ENVIRONMENT_CLIMATE", "LIVELIHOODS", "OTHER"};
  static final int[] THEME_WEIGHTS = {18, 12, 15, 14, 8, 7, 8, 3, 6, 7, 2};
  static final String[] ACTIVITY_TITLES = {"Community health volunteers training",
    "Borehole rehabilitation", "Mafunzo ya kilimo bora", "Budget literacy forum",
    "School feeding support", "Vikundi vya akiba na mikopo", "Tree planting drive",
    "GBV survivors support desk", "Youth skills bootcamp", "Ukarabati wa visima"};
  static final String[] FUNDERS = {"County Government", "USAID", "FCDO", "World Bank",
    "Own funds", "Ford Foundation", "EU", "UNICEF"};
  static final String PUBLIC_ID = "23456789abcdefghjkmnpqrstuvwxyz";
  static final String CODES = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");
  /** The county the load measures (bench/run.sh), where the signed-in scenarios' accounts live. */
  static final String BENCH_COUNTY = "037";
  static final int EDITORS = 64;
  /** Argon2id of "bench-Passw0rd-2026", the password of every bench account (bench/Load.java). */
  static final String BENCH_PASSWORD_HASH =
      "$argon2id$v=19$m=16384,t=2,p=1$hD+h6UmC5oUydD/2xc+N/A$cj3wa+Km+L9bQabUgncsVmcnr9d91aCYzX3f7tDdYJg";
  /** The coordinator's TOTP secret (Base32), from which bench/Load.java computes the codes. */
  static final String BENCH_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  static final String[] AMBITIONS = {"Open budget and access to information",
    "Public participation", "Open county assembly", "Climate change"};
  static final String[] COMMITMENT_TITLES = {"Publish citizen budgets in Kiswahili",
    "Ward forums before every budget milestone", "Live-stream assembly sittings",
    "Climate adaptation fund with community committees", "Open contracting portal",
    "Feedback on every memorandum within 30 days", "Bajeti ya mwananchi kila robo mwaka",
    "Community scorecards for health facilities"};

  final Connection db;
  final boolean postgres;
  final SplittableRandom random;

  Generate(Connection db, long seed) throws Exception {
    this.db = db;
    this.postgres = db.getMetaData().getURL().startsWith("jdbc:postgresql");
    this.random = new SplittableRandom(seed);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: Generate JDBC_URL USER PASSWORD S|M|L [SEED]");
      System.exit(2);
    }
    List<String> counties = switch (args[3]) {
      case "S" -> List.of("037");
      case "M" -> TEN;
      case "L" -> List.copyOf(POPULATION.keySet());
      default -> throw new IllegalArgumentException("scale is S, M or L");
    };
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 2026L;
    try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
      db.setAutoCommit(false);
      new Generate(db, seed).fill(counties);
    }
  }

  static double share(String county) {
    long total = POPULATION.values().stream().mapToLong(Integer::longValue).sum();
    return POPULATION.get(county) / (double) total;
  }

  void fill(List<String> counties) throws Exception {
    Map<String, List<String>> wards = groupBy("select county_code, code from ward order by code");
    Map<String, List<String>> themes = groupBy(
        "select county_code, cast(id as varchar(20)) from thematic_area order by id");
    Map<String, List<String>> areas = groupBy(
        "select county_code, cast(id as varchar(20)) from feedback_service_area order by id");
    Map<String, String> prefixes = new HashMap<>();
    for (String line : java.nio.file.Files.readAllLines(
        java.nio.file.Path.of("src/main/resources/feedback/county-prefixes.csv"))) {
      String[] f = line.split(",");
      prefixes.put(f[0], f[1]);
    }
    long started = System.nanoTime();
    long ids = next("organisation"), personIds = next("person"), meetingIds = next("meeting");
    long caseIds = next("feedback_case");
    Sink org = sink("organisation", "id, public_id, county_code, identifier, name, name_key,"
        + " acronym, org_type, home_ward_code, description, status, verified, created_at,"
        + " updated_at, version");
    Sink orgWard = sink("organisation_ward", "organisation_id, ward_code");
    Sink orgTheme = sink("organisation_theme", "organisation_id, thematic_area_id");
    Sink person = sink("person", "id, public_id, county_code, name, name_key, phone, language,"
        + " gender, age_band, disability, consent_at, created_at, updated_at, version");
    Sink memberships = sink("person_organisation", "person_id, organisation_id, title");
    Sink meeting = sink("meeting", "id, public_id, county_code, sub_county_code, ward_code,"
        + " organiser_ref, organiser_kind, kind, title, description, venue, starts_at, ends_at,"
        + " visibility, status, recurrence, created_at, updated_at, version");
    Sink attendance = sink("attendance", "public_id, meeting_id, attendee_key, person_ref, name,"
        + " organisation_ref, organisation_name, organisation_type, phone, ward_code, gender,"
        + " age_band, disability, signed_in_at");
    Sink cases = sink("feedback_case", "id, reference, county_code, service_area_id, ward_code,"
        + " description, channel, language, reporter_phone, reporter_secret_hash, intake_key,"
        + " status, created_at, updated_at, version, resolved_at, publish_consent,"
        + " escalation_level");
    Sink events = sink("feedback_case_event", "case_id, happened_at, kind, status");
    long activityIds = next("activity");
    Sink activity = sink("activity", "id, public_id, county_code, organisation_ref, title,"
        + " description, theme, starts_on, ends_on, budget_kes, funding_source, status,"
        + " public_record, targeted_female, targeted_male, targeted_children, targeted_youth,"
        + " targeted_adults, targeted_older, targeted_disability, reached_female, reached_male,"
        + " reached_children, reached_youth, reached_adults, reached_older, reached_disability,"
        + " created_at, updated_at, version");
    Sink activityWard = sink("activity_ward", "activity_id, ward_code, county_code,"
        + " organisation_ref, theme, starts_on, ends_on, status, public_record");
    long planIds = next("plan"), commitmentIds = next("plan_commitment");
    long milestoneIds = next("plan_milestone"), indicatorIds = next("plan_indicator");
    long reportIds = next("plan_report");
    Sink plan = sink("plan", "id, public_id, county_code, kind, title, summary, starts_on, ends_on,"
        + " created_at, updated_at");
    Sink planParty = sink("plan_party", "plan_id, role, ref");
    Sink commitment = sink("plan_commitment", "id, public_id, plan_id, ambition_area, title,"
        + " problem, description, lead_ref, status, report_frequency, created_at, updated_at");
    Sink milestone = sink("plan_milestone", "id, public_id, commitment_id, title, due_on, status,"
        + " done_on, created_at");
    Sink indicator = sink("plan_indicator", "id, public_id, commitment_id, name, unit, baseline,"
        + " target, frequency, disaggregation, created_at");
    Sink report = sink("plan_report", "id, public_id, commitment_id, period, status, activities,"
        + " milestones_reached, challenges, next_steps, author_ref, created_at, submitted_at,"
        + " reviewed_at");
    Sink value = sink("plan_indicator_value", "indicator_id, period, dimension, category, amount,"
        + " source, report_id, recorded_at");
    Sink assessment = sink("plan_assessment", "commitment_id, period, verifiable,"
        + " potential_results, completion, opened_government, comment, assessed_at");
    long accountIds = next("account"), bodyIds = next("body");
    Sink account = sink("account", "id, public_id, display_name, email, password_hash, language,"
        + " email_verified_at, totp_secret, totp_enabled_at, sessions_valid_after, created_at");
    Sink grant = sink("role_grant", "account_id, role, county_code, scope_key, scope_ref,"
        + " granted_at");
    Sink body = sink("body", "id, public_id, county_code, kind, body_level, name, description,"
        + " created_at, version");
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String county : counties) {
      double share = share(county);
      List<String> cw = wards.get(county);
      List<String> ct = themes.getOrDefault(county, List.of());
      List<String> ca = areas.get(county);
      if (ca == null || ct.isEmpty()) {
        throw new IllegalStateException("county " + county + " has no service areas or themes:"
            + " open /feedback/" + county + "/new and /directory/themes/" + county + " first");
      }
      int nOrg = (int) Math.round(ORGANISATIONS * share);
      long firstOrg = ids;
      List<String> orgRefs = new ArrayList<>(nOrg);
      List<String> orgNames = new ArrayList<>(nOrg);
      List<String> orgTypes = new ArrayList<>(nOrg);
      for (int i = 0; i < nOrg; i++, ids++) {
        String home = pick(cw);
        String name = orgName();
        String type = pick(ORG_TYPES);
        String pid = publicId(ids);
        Instant at = past(900);
        orgRefs.add(pid);
        orgNames.add(name);
        orgTypes.add(type);
        org.row(ids, pid, county, "KE-BARAZA-" + county + "-" + pid.toUpperCase(Locale.ROOT),
            name, key(name), null, type, home, pick(SENTENCES), "ACTIVE", random.nextInt(3) == 0,
            at, at, 0);
        orgWard.row(ids, home);
        String other = pick(cw);
        if (!other.equals(home)) {
          orgWard.row(ids, other);
        }
        String t1 = pick(ct), t2 = pick(ct);
        orgTheme.row(ids, Long.parseLong(t1));
        if (!t2.equals(t1)) {
          orgTheme.row(ids, Long.parseLong(t2));
        }
      }
      int nPeople = (int) Math.round(PEOPLE * share);
      long firstPerson = personIds;
      String[] personRef = new String[nPeople];
      String[] personName = new String[nPeople];
      String[] personPhone = new String[nPeople];
      String[] personGender = new String[nPeople];
      String[] personAge = new String[nPeople];
      boolean[] personDisability = new boolean[nPeople];
      int[] personOrg = new int[nPeople];
      for (int i = 0; i < nPeople; i++, personIds++) {
        boolean female = random.nextInt(100) < 52;
        String name = (female ? pick(FIRST_F) : pick(FIRST_M)) + " " + pick(SURNAMES);
        String phone = "+2547" + String.format("%08d", (personIds * 7_919_993L + 12_345_678L) % 100_000_000L);
        personRef[i] = publicId(personIds);
        personName[i] = name;
        personPhone[i] = phone;
        personGender[i] = random.nextInt(500) == 0 ? "INTERSEX" : female ? "FEMALE" : "MALE";
        personAge[i] = AGE_BANDS[weighted(new int[] {30, 35, 27, 8})];
        personDisability[i] = random.nextInt(100) < 4;
        personOrg[i] = random.nextInt(nOrg);
        Instant at = past(700);
        person.row(personIds, personRef[i], county, name, key(name), phone,
            random.nextInt(100) < 55 ? "sw" : "en", personGender[i], personAge[i],
            personDisability[i], at, at, at, 0);
        memberships.row(personIds, firstOrg + personOrg[i], random.nextInt(4) == 0 ? "Chair" : "Member");
      }
      int nMeetings = (int) Math.round(MEETINGS * share);
      long nAttendance = Math.round(ATTENDANCE * share);
      long attendanceLeft = nAttendance;
      for (int i = 0; i < nMeetings; i++, meetingIds++) {
        String ward = pick(cw);
        int organiser = random.nextInt(nOrg);
        Instant starts = NOW.minusSeconds(86_400L * random.nextInt(-60, 700))
            .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        boolean past = starts.isBefore(NOW);
        meeting.row(meetingIds, publicId(meetingIds), county, null, ward, orgRefs.get(organiser),
            "ORGANISATION", pick(MEETING_KINDS), pick(MEETING_TITLES), pick(SENTENCES),
            "Ward hall, " + ward, starts, starts.plusSeconds(3 * 3600),
            random.nextInt(10) < 8 ? "PUBLIC" : "MEMBERS", past ? "CLOSED" : "SCHEDULED", "NONE",
            starts.minusSeconds(14 * 86_400), starts.minusSeconds(14 * 86_400), 0);
        if (!past) {
          continue;
        }
        // skewed sizes: most meetings are small, a few forums are large
        int meetingsLeft = Math.max(1, nMeetings - i);
        long mean = attendanceLeft / meetingsLeft;
        int size = (int) Math.min(attendanceLeft, Math.max(3, Math.round(mean * -Math.log(1 - random.nextDouble()))));
        size = Math.min(size, Math.min(nPeople, 600));
        int start = random.nextInt(nPeople);
        int step = 1 + random.nextInt(97);
        while (java.math.BigInteger.valueOf(step).gcd(java.math.BigInteger.valueOf(nPeople)).intValue() != 1) {
          step++; // co-prime with the number of people, so that no one signs in twice
        }
        for (int a = 0; a < size; a++) {
          int p = (int) ((start + (long) a * step) % nPeople);
          int o = personOrg[p];
          attendance.row(publicId(meetingIds * 1000 + a), meetingIds, "phone:" + personPhone[p],
              personRef[p], personName[p], orgRefs.get(o), orgNames.get(o), orgTypes.get(o),
              personPhone[p], ward, personGender[p], personAge[p], personDisability[p],
              starts.plusSeconds(60L * random.nextInt(90)));
        }
        attendanceLeft -= size;
      }
      int nCases = (int) Math.round(CASES * share);
      String prefix = prefixes.get(county);
      for (int i = 0; i < nCases; i++, caseIds++) {
        String status = STATUSES[weighted(STATUS_WEIGHTS)];
        String channel = CHANNELS[weighted(CHANNEL_WEIGHTS)];
        boolean sw = random.nextInt(100) < 55;
        Instant at = past(720);
        boolean resolved = status.equals("RESOLVED") || status.equals("CLOSED");
        cases.row(caseIds, prefix + "-" + reference(caseIds), county, Long.parseLong(pick(ca)),
            pick(cw), sw ? pick(COMPLAINTS_SW) : pick(COMPLAINTS_EN), channel, sw ? "sw" : "en",
            personPhone[random.nextInt(nPeople)], sha256("BENCH" + caseIds), "bench-" + caseIds,
            status, at, at.plusSeconds(86_400L * random.nextInt(1, 20)), 0,
            resolved ? at.plusSeconds(86_400L * random.nextInt(1, 30)) : null,
            random.nextInt(2) == 0, 0);
        events.row(caseIds, at, "STATUS", "RECEIVED");
        if (!status.equals("RECEIVED")) {
          events.row(caseIds, at.plusSeconds(86_400), "STATUS", status);
        }
      }
      int nActivities = (int) Math.round(ACTIVITIES * share);
      for (int i = 0; i < nActivities; i++, activityIds++) {
        String owner = orgRefs.get(random.nextInt(nOrg));
        String theme = THEMES[weighted(THEME_WEIGHTS)];
        LocalDate starts = LocalDate.of(2024, 1, 1)
            .plusDays(random.nextInt(1000));
        LocalDate ends = starts.plusDays(30 + random.nextInt(700));
        String status = ends.isBefore(LocalDate.of(2026, 11, 1)) ? "COMPLETED"
            : starts.isAfter(LocalDate.of(2026, 11, 1)) ? "PLANNED" : "ONGOING";
        boolean open = random.nextInt(10) < 9;
        int women = 20 + random.nextInt(400), men = 10 + random.nextInt(300);
        double reached = status.equals("PLANNED") ? 0 : 0.4 + random.nextDouble() * 0.7;
        Instant at = past(600);
        activity.row(activityIds, publicId(activityIds), county, owner,
            pick(ACTIVITY_TITLES) + " " + (i % 997), pick(SENTENCES), theme, starts, ends,
            1_000L * (50 + random.nextInt(20_000)), pick(FUNDERS), status, open, women, men,
            (women + men) / 4, (women + men) / 3, (women + men) / 3, (women + men) / 12,
            (women + men) / 25, (int) (women * reached), (int) (men * reached),
            (int) ((women + men) / 4 * reached), (int) ((women + men) / 3 * reached),
            (int) ((women + men) / 3 * reached), (int) ((women + men) / 12 * reached),
            (int) ((women + men) / 25 * reached), at, at, 0);
        // most activities work in one ward, some in two or three
        int nWards = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
        java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
        for (int w = 0; w < nWards; w++) {
          chosen.add(pick(cw));
        }
        for (String w : chosen) {
          activityWard.row(activityIds, w, county, owner, theme, starts, ends, status, open);
        }
      }
      // one OGP action plan per county, reported quarterly since mid-2024: the plan dashboard
      long[] planCursor = {planIds, commitmentIds, milestoneIds, indicatorIds, reportIds};
      plan(county, orgRefs, plan, planParty, commitment, milestone, indicator, report, value,
          assessment, planCursor);
      planIds = planCursor[0];
      commitmentIds = planCursor[1];
      milestoneIds = planCursor[2];
      indicatorIds = planCursor[3];
      reportIds = planCursor[4];
      if (county.equals(BENCH_COUNTY)) {
        // who the load signs in as: an editor per virtual user, each with a meeting open at the
        // door, and a coordinator (second factor by TOTP) of a network that imports its list
        for (int k = 0; k < EDITORS; k++, accountIds++, meetingIds++) {
          String editing = orgRefs.get(k);
          account.row(accountIds, publicId(accountIds), "Bench editor " + k,
              String.format("bench-editor-%02d@bench.baraza.local", k), BENCH_PASSWORD_HASH, "en",
              NOW, null, null, NOW.minusSeconds(86_400), NOW);
          grant.row(accountIds, "ORGANISATION_EDITOR", county, county + ":" + editing, editing, NOW);
          Instant starts = NOW.plusSeconds(86_400L * 400);
          meeting.row(meetingIds, publicId(meetingIds), county, null, pick(cw), editing,
              "ORGANISATION", "PUBLIC_FORUM", String.format("Bench register %02d", k),
              "Sign-in at the door", "Ward hall", starts, starts.plusSeconds(3 * 3600), "PUBLIC",
              "SCHEDULED", "NONE", NOW, NOW, 0);
        }
        String network = publicId(bodyIds);
        body.row(bodyIds++, network, county, "NETWORK", "COUNTY", "Bench county CSO network",
            "Imports its participant lists", NOW, 0);
        account.row(accountIds, publicId(accountIds), "Bench coordinator",
            "bench-coordinator@bench.baraza.local", BENCH_PASSWORD_HASH, "en", NOW,
            BENCH_TOTP_SECRET, NOW, NOW.minusSeconds(86_400), NOW);
        grant.row(accountIds, "NETWORK_COORDINATOR", county, county + ":" + network, network, NOW);
        accountIds++;
      }
      counts.merge("activities", (long) nActivities, Long::sum);
      counts.merge("organisations", (long) nOrg, Long::sum);
      counts.merge("people", (long) nPeople, Long::sum);
      counts.merge("meetings", (long) nMeetings, Long::sum);
      counts.merge("attendance", nAttendance - attendanceLeft, Long::sum);
      counts.merge("feedback cases", (long) nCases, Long::sum);
      System.out.printf("county %s: %,d organisations, %,d people, %,d meetings, %,d cases%n",
          county, nOrg, nPeople, nMeetings, nCases);
    }
    try (PreparedStatement code = db.prepareStatement("insert into feedback_gateway_code"
        + " (channel, code, county_code) select ?, ?, ? where not exists (select 1 from"
        + " feedback_gateway_code where channel = ? and code = ?)")) {
      for (String county : counties) {
        for (String[] c : new String[][] {{"SMS", "22" + county}, {"USSD", "*384*" + county + "#"}}) {
          code.setString(1, c[0]);
          code.setString(2, c[1]);
          code.setString(3, county);
          code.setString(4, c[0]);
          code.setString(5, c[1]);
          code.executeUpdate();
        }
      }
    }
    long rows = 0;
    for (Sink s : sinks) {
      rows += s.close();
    }
    for (String table : List.of("organisation", "person", "meeting", "feedback_case", "activity",
        "plan", "plan_commitment", "plan_milestone", "plan_indicator", "plan_indicator_value",
        "plan_report", "plan_assessment", "account", "role_grant", "body")) {
      restartIdentity(table);
    }
    db.commit();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("%s%n%,d rows in %.1f s: %,.0f rows/s%n", counts, rows, seconds, rows / seconds);
  }

  /**
   * A county's OGP action plan 2024–2027: four ambition areas of three commitments, each with four
   * milestones, two quarterly indicators broken down by sex with values for nine quarters, an
   * accepted report per quarter and an assessment. {@code ids}: plan, commitment, milestone,
   * indicator and report ids, advanced.
   */
  void plan(String county, List<String> orgRefs, Sink plan, Sink party, Sink commitment,
      Sink milestone, Sink indicator, Sink report, Sink value, Sink assessment, long[] ids)
      throws Exception {
    long planId = ids[0]++;
    Instant at = NOW.minusSeconds(86_400L * 900);
    plan.row(planId, publicId(planId), county, "OGP_ACTION_PLAN",
        "Open Government Partnership action plan 2024-2027", pick(SENTENCES),
        LocalDate.of(2024, 7, 1), LocalDate.of(2027, 6, 30), at, at);
    party.row(planId, "LEAD", orgRefs.get(0));
    party.row(planId, "ENDORSER", orgRefs.get(1));
    String[] quarters = {"2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4",
      "2026-Q1", "2026-Q2", "2026-Q3"};
    for (int a = 0; a < AMBITIONS.length; a++) {
      for (int c = 0; c < 3; c++) {
        long cid = ids[1]++;
        String lead = orgRefs.get(random.nextInt(orgRefs.size()));
        commitment.row(cid, publicId(cid), planId, AMBITIONS[a], pick(COMMITMENT_TITLES),
            pick(SENTENCES), pick(SENTENCES), lead, random.nextInt(5) == 0 ? "COMPLETED" : "ONGOING",
            "QUARTERLY", at, at);
        for (int m = 0; m < 4; m++) {
          long mid = ids[2]++;
          LocalDate due = LocalDate.of(2024, 10, 1).plusDays(200L * m + random.nextInt(60));
          boolean done = due.isBefore(LocalDate.of(2026, 6, 1)) && random.nextInt(4) > 0;
          milestone.row(mid, publicId(mid), cid, "Milestone " + (m + 1) + ": " + pick(SENTENCES),
              due, done ? "DONE" : m == 0 ? "IN_PROGRESS" : "NOT_STARTED", done ? due : null, at);
        }
        long[] reportOf = new long[quarters.length];
        for (int q = 0; q < quarters.length; q++) {
          long rid = ids[4]++;
          reportOf[q] = rid;
          Instant sent = at.plusSeconds(86_400L * (95 + 91L * q));
          report.row(rid, publicId(rid), cid, quarters[q], "ACCEPTED", pick(SENTENCES),
              pick(SENTENCES), pick(SENTENCES), pick(SENTENCES), lead, sent, sent,
              sent.plusSeconds(86_400 * 5));
        }
        for (int i = 0; i < 2; i++) {
          long iid = ids[3]++;
          int baseline = 10 + random.nextInt(200);
          indicator.row(iid, publicId(iid), cid, i == 0 ? "People reached by forums"
              : "Wananchi waliotoa maoni", "people", baseline, baseline * 4, "QUARTERLY", "SEX", at);
          double level = baseline;
          for (int q = 0; q < quarters.length; q++) {
            level += random.nextInt(10, 60);
            long total = Math.round(level);
            long women = Math.round(total * (0.4 + random.nextDouble() * 0.2));
            value.row(iid, quarters[q], "TOTAL", "", total, "Ward forum registers", reportOf[q], at);
            value.row(iid, quarters[q], "SEX", "Female", women, "Ward forum registers",
                reportOf[q], at);
            value.row(iid, quarters[q], "SEX", "Male", total - women, "Ward forum registers",
                reportOf[q], at);
          }
        }
        assessment.row(cid, "2025", true, "MODEST", "SUBSTANTIAL", "MAJOR", pick(SENTENCES), at);
      }
    }
  }

  // --- writing: COPY on PostgreSQL, JDBC batches on H2 ---

  /** Every sink in the order they were made: parents before children, as foreign keys need. */
  final List<Sink> sinks = new ArrayList<>();

  Sink sink(String table, String columns) throws Exception {
    Sink sink = new Sink(table, columns);
    sinks.add(sink);
    return sink;
  }

  final class Sink {
    final String table, columns;
    final int width;
    final StringBuilder csv = new StringBuilder(1 << 20);
    PreparedStatement insert;
    int pending;
    long written;

    Sink(String table, String columns) throws Exception {
      this.table = table;
      this.columns = columns;
      this.width = columns.split(",").length;
      if (!postgres) {
        insert = db.prepareStatement("insert into " + table + " (" + columns + ") values ("
            + "?, ".repeat(width - 1) + "?)");
      }
    }

    void row(Object... values) throws Exception {
      if (values.length != width) {
        throw new IllegalArgumentException(table + ": " + values.length + " values for " + width);
      }
      if (postgres) {
        for (int i = 0; i < values.length; i++) {
          if (i > 0) {
            csv.append(',');
          }
          Object v = values[i];
          if (v == null) {
            continue;
          }
          String s = v instanceof Instant at ? at.toString() : v.toString();
          if (v instanceof String && (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0
              || s.indexOf('\n') >= 0)) {
            csv.append('"').append(s.replace("\"", "\"\"")).append('"');
          } else {
            csv.append(s);
          }
        }
        csv.append('\n');
      } else {
        for (int i = 0; i < values.length; i++) {
          Object v = values[i];
          insert.setObject(i + 1, v instanceof Instant at ? Timestamp.from(at) : v);
        }
        insert.addBatch();
      }
      if (++pending == 20_000) {
        for (Sink each : sinks) {
          each.flush(); // all of them, parents first
        }
      }
    }

    void flush() throws Exception {
      if (pending == 0) {
        return;
      }
      if (postgres) {
        org.postgresql.copy.CopyManager copy =
            db.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
        copy.copyIn("copy " + table + " (" + columns + ") from stdin (format csv)",
            new StringReader(csv.toString()));
        csv.setLength(0);
      } else {
        insert.executeBatch();
      }
      written += pending;
      pending = 0;
    }

    long close() throws Exception {
      flush();
      if (insert != null) {
        insert.close();
      }
      return written;
    }
  }

  long next(String table) throws Exception {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  void restartIdentity(String table) throws Exception {
    long next = next(table);
    try (Statement s = db.createStatement()) {
      if (postgres) {
        s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)");
      } else {
        s.execute("alter table " + table + " alter column id restart with " + next);
      }
    }
  }

  Map<String, List<String>> groupBy(String sql) throws Exception {
    Map<String, List<String>> out = new HashMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    return out;
  }

  // --- invented values ---

  String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  int weighted(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  Instant past(int days) {
    return NOW.minusSeconds(random.nextLong(86_400L * days));
  }

  String orgName() {
    String a = pick(ORG_WORDS), b = pick(ORG_WORDS);
    return (random.nextInt(4) == 0 ? "Kikundi cha " : "") + a + (a.equals(b) ? "" : " " + b)
        + " " + pick(ORG_SUFFIXES);
  }

  /** 12 characters of Baraza's public-id alphabet: 4 random, then the row number in base 31. */
  String publicId(long n) {
    char[] out = new char[12];
    for (int i = 0; i < 4; i++) {
      out[i] = PUBLIC_ID.charAt(random.nextInt(PUBLIC_ID.length()));
    }
    for (int i = 11; i >= 4; i--) {
      out[i] = PUBLIC_ID.charAt((int) (n % PUBLIC_ID.length()));
      n /= PUBLIC_ID.length();
    }
    return new String(out);
  }

  /** Five reference characters, unique per case number (32^5 is about 33 million). */
  static String reference(long n) {
    long scrambled = (n * 1_103_515_245L + 12_345L) & ((1L << 25) - 1);
    char[] out = new char[5];
    for (int i = 4; i >= 0; i--) {
      out[i] = CODES.charAt((int) (scrambled & 31));
      scrambled >>= 5;
    }
    return new String(out);
  }

  static String key(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }

  static String sha256(String value) throws Exception {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
  }
}
