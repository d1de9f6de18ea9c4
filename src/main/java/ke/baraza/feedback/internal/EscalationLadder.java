package ke.baraza.feedback.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A county's escalation ladder, lowest rung first: its own rows in {@code
 * feedback_escalation_rung}, else the default in {@value #RESOURCE} (ward, sub-county, county,
 * Ombudsman).
 */
@Component
public class EscalationLadder {

  static final String RESOURCE = "feedback/default-escalation-ladder.csv";

  /** One rung; {@code level} 0 is where every case starts. */
  public record Rung(int level, String nameEn, String nameSw) {

    public String name(Locale locale) {
      return "sw".equals(locale.getLanguage()) ? nameSw : nameEn;
    }
  }

  static final int MAX_RUNGS = 6;
  static final int MAX_NAME = 120;

  private final JdbcClient jdbc;
  private final FeedbackPermissions permissions;
  private final ke.baraza.platform.AuditLog audit;
  private final List<Rung> defaults;

  EscalationLadder(
      JdbcClient jdbc, FeedbackPermissions permissions, ke.baraza.platform.AuditLog audit) {
    this.jdbc = jdbc;
    this.permissions = permissions;
    this.audit = audit;
    this.defaults = readDefaults();
  }

  /** Whether the county uses the default ladder (has no rungs of its own). */
  public boolean isDefault(String countyCode) {
    return of(countyCode) == defaults;
  }

  /**
   * Replaces the county's ladder with these names, lowest rung first; rows with both names blank
   * are left out, and no rows at all bring back the default ladder. Audited as {@code
   * feedback:ladder-changed}. Cases keep their level; one past a shorter ladder's top stays there.
   *
   * @param names pairs of English and Kiswahili names, in order
   * @throws ke.baraza.platform.UserError 403 unless county staff
   * @throws ke.baraza.platform.InvalidInput 400 for a rung with one name only, a name over {@value
   *     #MAX_NAME} characters, a single rung or more than {@value #MAX_RUNGS}
   */
  @org.springframework.transaction.annotation.Transactional
  public void save(String countyCode, List<String[]> names) {
    if (!permissions.isCountyStaff(countyCode)) {
      throw ke.baraza.platform.UserError.forbidden();
    }
    List<Rung> rungs = new ArrayList<>();
    for (String[] pair : names) {
      String en = Text.clean(pair[0]);
      String sw = Text.clean(pair[1]);
      if (en.isEmpty() && sw.isEmpty()) {
        continue;
      }
      if (en.isEmpty() || sw.isEmpty() || en.length() > MAX_NAME || sw.length() > MAX_NAME) {
        throw invalid();
      }
      rungs.add(new Rung(rungs.size(), en, sw));
    }
    if (rungs.size() == 1 || rungs.size() > MAX_RUNGS) {
      throw invalid();
    }
    jdbc.sql("delete from feedback_escalation_rung where county_code = ?")
        .param(countyCode)
        .update();
    for (Rung rung : rungs) {
      jdbc.sql(
              "insert into feedback_escalation_rung (county_code, level, name_en, name_sw)"
                  + " values (?, ?, ?, ?)")
          .params(countyCode, rung.level(), rung.nameEn(), rung.nameSw())
          .update();
    }
    audit.record(FeedbackPermissions.actor(), "feedback:ladder-changed", countyCode, countyCode);
  }

  private static ke.baraza.platform.InvalidInput invalid() {
    return new ke.baraza.platform.InvalidInput(
        org.springframework.http.HttpStatus.BAD_REQUEST,
        java.util.Map.of("rungs", "casework.ladder.invalid"));
  }

  /** The county's rungs, lowest first; never empty. */
  public List<Rung> of(String countyCode) {
    List<Rung> own =
        jdbc.sql(
                "select level, name_en, name_sw from feedback_escalation_rung where county_code = ?"
                    + " order by level")
            .param(countyCode)
            .query(Rung.class)
            .list();
    return own.isEmpty() ? defaults : own;
  }

  /** The rung at {@code level} of the county's ladder, the top one when past it. */
  public Rung rung(String countyCode, int level) {
    List<Rung> rungs = of(countyCode);
    return rungs.get(Math.min(Math.max(level, 0), rungs.size() - 1));
  }

  private static List<Rung> readDefaults() {
    try (Reader in =
        new InputStreamReader(
            new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8)) {
      List<Rung> rungs = new ArrayList<>();
      for (CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        rungs.add(
            new Rung(Integer.parseInt(row.get("level")), row.get("name_en"), row.get("name_sw")));
      }
      return List.copyOf(rungs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
