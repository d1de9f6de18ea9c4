package ke.baraza.budget.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.shared.PageRequest;
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
 * {@code --demo}: Kakamega's 2025-26 budget cycle (seed 004, open budget as its first ambition
 * area): documents at several stages, a CFSP whose participation window is closed with views and
 * published responses, budget lines of four departments, and a participatory budgeting round in one
 * ward taking proposals. Never loaded unless asked, and only once.
 */
@Component
@Order(120)
class DemoBudget implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoBudget.class);
  static final String COUNTY = "037";
  static final int YEAR = 2025;
  private static final String BY = "demo";

  private final JdbcClient jdbc;
  private final GeographyApi geography;

  DemoBudget(JdbcClient jdbc, GeographyApi geography) {
    this.jdbc = jdbc;
    this.geography = geography;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!args.containsOption("demo")) {
      return;
    }
    if (jdbc.sql("select count(*) from budget_milestone where county_code = ? and fiscal_year = ?")
            .params(COUNTY, YEAR)
            .query(Integer.class)
            .single()
        > 0) {
      log.info("Kakamega's demo budget is loaded already");
      return;
    }
    List<Ward> wards = geography.wards(COUNTY, new PageRequest(0, 200)).items();
    Ward a = wards.get(0);
    Ward b = wards.get(Math.min(5, wards.size() - 1));
    Ward c = wards.get(Math.min(10, wards.size() - 1));

    milestone("CIRCULAR", "PUBLISHED", "2024-08-30", "2024-08-30");
    milestone("ADP", "PUBLISHED", "2024-09-01", "2024-09-10");
    milestone("CBROP", "SUBMITTED", "2024-10-15", null);
    long cfsp = milestone("CFSP", "PUBLISHED", "2025-02-28", "2025-03-05");
    milestone("ESTIMATES", "TABLED", "2025-04-30", null);
    milestone("APPROPRIATION", "APPROVED", "2025-06-27", null);
    milestone("QIR1", "SUBMITTED", "2025-11-20", null);

    String window = PublicId.next();
    jdbc.sql(
            "insert into budget_window (public_id, milestone_id, opens_on, closes_on,"
                + " report_published_at, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            window,
            cfsp,
            LocalDate.parse("2025-02-03"),
            LocalDate.parse("2025-02-17"),
            at("2025-02-26"),
            BY,
            at("2025-01-28"))
        .update();
    long windowId = id("budget_window", window);
    long health = programme(windowId, "Curative and rehabilitative health");
    long water = programme(windowId, "Water supply and sanitation");
    long roads = programme(windowId, "Rural roads");
    long forum = forum(windowId, a.code(), "2025-02-08", 112);
    long roadsIssue =
        issue(
            windowId,
            "Gravel the feeder roads to the markets",
            "ADOPTED",
            "The roads programme of the CFSP ceilings was raised by KES 40 million.",
            "Rural roads programme, CFSP 2025 annex 2");
    long waterIssue =
        issue(
            windowId,
            "Boreholes for schools",
            "PARTLY_ADOPTED",
            "Ten boreholes fit in the water ceiling; the rest go to the next ADP.",
            "Water supply and sanitation programme");
    long drugsIssue =
        issue(
            windowId,
            "Drugs for dispensaries all year",
            "NOT_ADOPTED",
            "The drug budget is already at its ceiling; supply is being reorganised instead.",
            null);
    view(
        windowId,
        "WEB",
        a.code(),
        roads,
        null,
        "Our market road is impassable in the rains.",
        "FEMALE",
        "AGE_25_35",
        roadsIssue);
    view(
        windowId,
        "WEB",
        b.code(),
        roads,
        null,
        "Gravel the road to the cattle market.",
        "MALE",
        "AGE_36_59",
        roadsIssue);
    view(
        windowId,
        "FORUM",
        a.code(),
        water,
        forum,
        "Shule zetu hazina maji safi.",
        "FEMALE",
        "AGE_18_24",
        waterIssue);
    view(
        windowId,
        "FORUM",
        a.code(),
        water,
        forum,
        "Borehole ya shule ya msingi ikarabatiwe.",
        null,
        null,
        waterIssue);
    view(
        windowId,
        "WEB",
        c.code(),
        health,
        null,
        "Dispensaries run out of drugs every March.",
        "FEMALE",
        "AGE_60_PLUS",
        drugsIssue);
    view(
        windowId,
        "MEMORANDUM",
        null,
        health,
        null,
        "KCOP memorandum on health financing (summary).",
        null,
        null,
        drugsIssue);

    lines(a, b, c);
    jdbc.sql(
            "insert into pb_round (public_id, county_code, fiscal_year, ward_code, envelope, phase,"
                + " created_by, created_at) values (?, ?, ?, ?, ?, 'PROPOSALS', ?, ?)")
        .params(
            PublicId.next(),
            COUNTY,
            YEAR,
            b.code(),
            new BigDecimal("10000000"),
            BY,
            at("2025-07-15"))
        .update();
    log.info("Added Kakamega's demo budget cycle 2025-26");
  }

  private long milestone(String code, String status, String metOn, String publishedOn) {
    jdbc.sql(
            "insert into budget_milestone (county_code, fiscal_year, code, status, met_on,"
                + " published_on, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, 0)")
        .params(
            COUNTY,
            YEAR,
            code,
            status,
            LocalDate.parse(metOn),
            publishedOn == null ? null : LocalDate.parse(publishedOn),
            at(metOn))
        .update();
    return jdbc.sql(
            "select id from budget_milestone where county_code = ? and fiscal_year = ? and code = ?")
        .params(COUNTY, YEAR, code)
        .query(Long.class)
        .single();
  }

  private long programme(long window, String name) {
    String id = PublicId.next();
    jdbc.sql("insert into budget_programme (public_id, window_id, name) values (?, ?, ?)")
        .params(id, window, name)
        .update();
    return id("budget_programme", id);
  }

  private long forum(long window, String ward, String day, int attendance) {
    String id = PublicId.next();
    jdbc.sql(
            "insert into budget_forum (public_id, window_id, ward_code, held_on, venue, attendance)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(id, window, ward, LocalDate.parse(day), "Ward administrator's office", attendance)
        .update();
    return id("budget_forum", id);
  }

  private long issue(long window, String title, String response, String reason, String landed) {
    String id = PublicId.next();
    jdbc.sql(
            "insert into budget_issue (public_id, window_id, title, response, reason, landed_in,"
                + " answered_by, answered_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, window, title, response, reason, landed, BY, at("2025-02-24"))
        .update();
    return id("budget_issue", id);
  }

  private void view(
      long window,
      String channel,
      String ward,
      long programme,
      Long forum,
      String body,
      String gender,
      String age,
      long issue) {
    boolean told = gender != null || age != null;
    jdbc.sql(
            """
            insert into budget_view (public_id, window_id, channel, ward_code, programme_id,
              forum_id, body, organisation, language, gender, age_band, consent_at, issue_id,
              created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?)
            """)
        .params(
            PublicId.next(),
            window,
            channel,
            ward,
            programme,
            forum,
            body,
            "MEMORANDUM".equals(channel) ? "KCOP" : null,
            gender,
            age,
            told ? at("2025-02-10") : null,
            issue,
            at("2025-02-10"))
        .update();
  }

  private void lines(Ward a, Ward b, Ward c) {
    String id = PublicId.next();
    jdbc.sql(
            "insert into budget_line_import (public_id, county_code, fiscal_year, file_name,"
                + " rows_imported, rows_rejected, imported_by, imported_at)"
                + " values (?, ?, ?, 'demo', 6, 0, ?, ?)")
        .params(id, COUNTY, YEAR, BY, at("2026-01-20"))
        .update();
    long importId = id("budget_line_import", id);
    Object[][] rows = {
      {
        "Health",
        "Curative and rehabilitative health",
        "Dispensaries",
        "Use of goods and services",
        a.code(),
        "180000000",
        "195000000",
        "41000000",
        "48000000"
      },
      {
        "Health",
        "Preventive and promotive health",
        "Community health promoters",
        "Compensation of employees",
        null,
        "96000000",
        null,
        "24000000",
        "24000000"
      },
      {
        "Agriculture",
        "Crop development",
        "Extension services",
        "Use of goods and services",
        b.code(),
        "64000000",
        null,
        "9000000",
        "15500000"
      },
      {
        "Roads",
        "Rural roads",
        "Gravelling",
        "Acquisition of non-financial assets",
        b.code(),
        "240000000",
        "280000000",
        "30000000",
        "52000000"
      },
      {
        "Roads",
        "Rural roads",
        "Bridges and culverts",
        "Acquisition of non-financial assets",
        c.code(),
        "75000000",
        null,
        "0",
        "12000000"
      },
      {
        "Education",
        "Early childhood development",
        "ECDE classrooms",
        "Acquisition of non-financial assets",
        c.code(),
        "110000000",
        null,
        "18000000",
        "26000000"
      },
    };
    int n = 2;
    for (Object[] r : rows) {
      jdbc.sql(
              "insert into budget_line (import_id, county_code, fiscal_year, row_number, department,"
                  + " programme, sub_programme, economic_class, ward_code, approved, supplementary,"
                  + " actual_q1, actual_q2) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              importId,
              COUNTY,
              YEAR,
              n++,
              r[0],
              r[1],
              r[2],
              r[3],
              r[4],
              new BigDecimal((String) r[5]),
              r[6] == null ? null : new BigDecimal((String) r[6]),
              new BigDecimal((String) r[7]),
              new BigDecimal((String) r[8]))
          .update();
    }
  }

  private long id(String table, String publicId) {
    return jdbc.sql("select id from " + table + " where public_id = ?")
        .param(publicId)
        .query(Long.class)
        .single();
  }

  private static OffsetDateTime at(String day) {
    return LocalDate.parse(day).atTime(9, 0).atOffset(ZoneOffset.ofHours(3));
  }
}
