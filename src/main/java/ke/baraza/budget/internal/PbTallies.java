package ke.baraza.budget.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ke.baraza.budget.internal.ParticipatoryBudgeting.Phase;
import ke.baraza.budget.internal.ParticipatoryBudgeting.Round;
import ke.baraza.budget.internal.ParticipatoryBudgeting.Rule;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper ballots counted at a forum: the county's staff enter, while the round votes, the tally of
 * each feasible project (its approvals, or under RANKED how many ballots gave it each preference)
 * with the venue, date, number of ballots and a witness. Tallies add to the web/SMS votes.
 */
@Service
public class PbTallies {

  private final JdbcClient jdbc;
  private final ParticipatoryBudgeting pb;
  private final BudgetPermissions permissions;
  private final AuditLog audit;
  private final Clock clock;

  PbTallies(
      JdbcClient jdbc,
      ParticipatoryBudgeting pb,
      BudgetPermissions permissions,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.pb = pb;
    this.permissions = permissions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A tally as entered.
   *
   * @param counts field name to count: {@code approvals-<proposal>} under APPROVAL, {@code
   *     pref<k>-<proposal>} for the k-th preference under RANKED; a blank count is zero
   */
  public record TallyForm(
      String venue,
      String heldOn,
      String ballots,
      String witnessName,
      String witnessRole,
      String submission,
      Map<String, String> counts) {}

  /** A tally as published: the forum, its ballots and its witness. */
  public record Tally(
      String publicId,
      String venue,
      LocalDate heldOn,
      int ballots,
      String witnessName,
      String witnessRole) {}

  /** The field of a proposal's count for a preference (1 under APPROVAL). */
  public static String field(Round round, String proposalId, int preference) {
    return round.rule() == Rule.RANKED
        ? "pref" + preference + "-" + proposalId
        : "approvals-" + proposalId;
  }

  /**
   * Records a paper tally, all of it or nothing.
   *
   * @throws UserError 403 for anyone but the county's staff; 409 outside voting; 400 without a
   *     venue, a date (not after today), a whole positive number of ballots or a witness's name and
   *     role; for a count that is not a whole number, zero or more, or more than the ballots (a
   *     project's approvals or preferences, or the ballots giving one preference)
   */
  @Transactional
  public void enter(String roundId, TallyForm form) {
    Round round = pb.round(roundId);
    SignedInUser user = permissions.requireCountyStaff(round.countyCode());
    if (round.phase() != Phase.VOTING) {
      throw UserError.conflict("budget.pb.not-voting");
    }
    String venue = Participation.blankToNull(form.venue());
    if (venue == null || venue.length() > 300) {
      throw UserError.badRequest("budget.pb.tally.venue-required");
    }
    LocalDate heldOn;
    try {
      heldOn = LocalDate.parse(form.heldOn() == null ? "" : form.heldOn().strip());
    } catch (DateTimeParseException e) {
      throw UserError.badRequest("budget.pb.tally.date-invalid");
    }
    if (heldOn.isAfter(LocalDate.now(clock))) {
      throw UserError.badRequest("budget.pb.tally.date-invalid");
    }
    Integer ballots = count(form.ballots());
    if (ballots == null || ballots < 1) {
      throw UserError.badRequest("budget.pb.tally.ballots-invalid");
    }
    String witness = Participation.blankToNull(form.witnessName());
    String role = Participation.blankToNull(form.witnessRole());
    if (witness == null || role == null || witness.length() > 200 || role.length() > 200) {
      throw UserError.badRequest("budget.pb.tally.witness-required");
    }
    int preferences = round.rule() == Rule.RANKED ? round.choices() : 1;
    record Feasible(long id, String publicId, String title) {}
    List<Feasible> feasible =
        jdbc.sql(
                "select id, public_id, title from pb_proposal where round_id = ? and feasible"
                    + " order by id")
            .param(round.id())
            .query(Feasible.class)
            .list();
    record Count(long proposal, int preference, int ballots) {}
    List<Count> counts = new ArrayList<>();
    int[] perPreference = new int[preferences + 1];
    for (Feasible p : feasible) {
      int perProject = 0;
      for (int k = 1; k <= preferences; k++) {
        String value = form.counts().get(field(round, p.publicId(), k));
        Integer n = Participation.blankToNull(value) == null ? Integer.valueOf(0) : count(value);
        if (n == null || n < 0) {
          throw UserError.badRequest("budget.pb.tally.count-invalid", p.title());
        }
        perProject += n;
        perPreference[k] += n;
        if (n > 0) {
          counts.add(new Count(p.id(), k, n));
        }
      }
      if (perProject > ballots) {
        throw UserError.badRequest("budget.pb.tally.count-over", p.title(), perProject, ballots);
      }
    }
    for (int k = 1; k <= preferences; k++) {
      if (perPreference[k] > ballots) {
        throw UserError.badRequest("budget.pb.tally.preference-over", k, perPreference[k], ballots);
      }
    }
    String publicId = PublicId.next();
    int inserted =
        jdbc.sql(
                "insert into pb_tally (public_id, round_id, venue, held_on, ballots, witness_name,"
                    + " witness_role, submission, entered_by, entered_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
            .params(
                publicId,
                round.id(),
                venue,
                heldOn,
                ballots,
                witness,
                role,
                Participation.blankToNull(form.submission()),
                user.publicId(),
                OffsetDateTime.now(clock))
            .update();
    if (inserted == 0) {
      return; // the same form sent twice
    }
    long tally =
        jdbc.sql("select id from pb_tally where public_id = ?")
            .param(publicId)
            .query(Long.class)
            .single();
    for (Count c : counts) {
      jdbc.sql(
              "insert into pb_tally_count (tally_id, proposal_id, preference, ballots)"
                  + " values (?, ?, ?, ?)")
          .params(tally, c.proposal(), c.preference(), c.ballots())
          .update();
    }
    audit.record(user.publicId(), "budget:pb-tally", publicId, round.countyCode());
  }

  /** The round's paper tallies, by date of the forum. One query. */
  @Transactional(readOnly = true)
  public List<Tally> tallies(Round round) {
    return jdbc.sql(
            "select public_id, venue, held_on, ballots, witness_name, witness_role from pb_tally"
                + " where round_id = ? order by held_on, id")
        .param(round.id())
        .query(
            (rs, n) ->
                new Tally(
                    rs.getString("public_id"),
                    rs.getString("venue"),
                    rs.getObject("held_on", LocalDate.class),
                    rs.getInt("ballots"),
                    rs.getString("witness_name"),
                    rs.getString("witness_role")))
        .list();
  }

  /** How many ballots the round received on the web/SMS and on paper. One query. */
  @Transactional(readOnly = true)
  public Ballots ballots(Round round) {
    return jdbc.sql(
            "select (select count(*) from pb_vote where round_id = :r) web,"
                + " (select coalesce(sum(ballots), 0) from pb_tally where round_id = :r) paper")
        .param("r", round.id())
        .query((rs, n) -> new Ballots(rs.getLong("web"), rs.getLong("paper")))
        .single();
  }

  /** Ballots received on the web/SMS and on paper. */
  public record Ballots(long web, long paper) {}

  private static Integer count(String value) {
    String v = value == null ? "" : value.strip();
    if (!v.matches("-?\\d{1,9}")) {
      return null;
    }
    return Integer.valueOf(v);
  }
}
