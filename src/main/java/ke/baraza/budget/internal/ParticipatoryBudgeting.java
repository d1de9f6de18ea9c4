package ke.baraza.budget.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ke.baraza.budget.FiscalYear;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.Contacts;
import ke.baraza.platform.Notifier;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Participatory budgeting in a ward: officers set the envelope of a fiscal year; residents propose
 * projects; officers assess each one's feasibility and cost with a reason; residents then vote once
 * per phone number, verified by a six-digit SMS code valid ten minutes, approving feasible projects
 * whose assessed costs together fit the envelope. Results: the most approved projects, in order,
 * that still fit in what is left of the envelope.
 */
@Service
public class ParticipatoryBudgeting {

  /** Where a round stands. */
  public enum Phase {
    PROPOSALS,
    VOTING,
    CLOSED;

    public String messageKey() {
      return "budget.pb.phase." + name().toLowerCase(Locale.ROOT);
    }
  }

  static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
  static final int MAX_CODES_AN_HOUR = 3;
  static final int MAX_ATTEMPTS = 5;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final BudgetPermissions permissions;
  private final GeographyApi geography;
  private final Notifier notifier;
  private final MessageSource messages;
  private final AuditLog audit;
  private final Clock clock;
  private final PlatformTransactionManager transactions;

  ParticipatoryBudgeting(
      PlatformTransactionManager transactions,
      JdbcClient jdbc,
      BudgetPermissions permissions,
      GeographyApi geography,
      Notifier notifier,
      MessageSource messages,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.permissions = permissions;
    this.geography = geography;
    this.notifier = notifier;
    this.messages = messages;
    this.audit = audit;
    this.clock = clock;
    this.transactions = transactions;
  }

  /** A round. */
  public record Round(
      long id,
      String publicId,
      String countyCode,
      FiscalYear year,
      String wardCode,
      String wardName,
      BigDecimal envelope,
      Phase phase) {}

  /**
   * A proposal with its assessment and, once voting has begun, its approvals.
   *
   * @param feasible {@code null} until assessed
   * @param selected whether the results select it (closed rounds only)
   */
  public record Proposal(
      String publicId,
      String title,
      String description,
      String location,
      BigDecimal estimatedCost,
      Boolean feasible,
      BigDecimal assessedCost,
      String assessment,
      int votes,
      boolean selected) {}

  public record ProposalForm(
      String title, String description, String location, String cost, String submission) {}

  public record Assessment(String feasible, String cost, String reason) {}

  /**
   * Opens a round in a ward of the county for a fiscal year, taking proposals.
   *
   * @return the round's public id
   * @throws UserError 403 for anyone but the county's staff; 400 for a ward of another county or an
   *     envelope that is not a positive amount; 409 when the ward has a round that year
   */
  @Transactional
  public String open(String countyCode, FiscalYear year, String wardCode, String envelope) {
    SignedInUser user = permissions.requireCountyStaff(countyCode);
    Ward ward =
        geography
            .ward(wardCode == null ? "" : wardCode.strip())
            .filter(w -> w.countyCode().equals(countyCode))
            .orElseThrow(() -> UserError.badRequest("budget.view.ward-unknown"));
    BigDecimal amount = amount(envelope);
    if (amount.signum() == 0) {
      throw UserError.badRequest("budget.pb.amount-invalid");
    }
    String publicId = PublicId.next();
    try {
      jdbc.sql(
              "insert into pb_round (public_id, county_code, fiscal_year, ward_code, envelope,"
                  + " phase, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              publicId,
              countyCode,
              year.startYear(),
              ward.code(),
              amount,
              Phase.PROPOSALS.name(),
              user.publicId(),
              now())
          .update();
    } catch (DuplicateKeyException e) {
      throw UserError.conflict("budget.pb.exists");
    }
    audit.record(user.publicId(), "budget:pb-opened", publicId, countyCode);
    return publicId;
  }

  /** The rounds of a county's fiscal year, by ward code. */
  @Transactional(readOnly = true)
  public List<Round> rounds(String countyCode, FiscalYear year) {
    List<Round> rows =
        jdbc.sql(
                "select id, public_id, county_code, fiscal_year, ward_code, envelope, phase"
                    + " from pb_round where county_code = ? and fiscal_year = ? order by ward_code")
            .params(countyCode, year.startYear())
            .query((rs, n) -> round(rs))
            .list();
    var wards = geography.wards(rows.stream().map(Round::wardCode).toList());
    return rows.stream()
        .map(
            r ->
                new Round(
                    r.id(),
                    r.publicId(),
                    r.countyCode(),
                    r.year(),
                    r.wardCode(),
                    wards.containsKey(r.wardCode()) ? wards.get(r.wardCode()).name() : "",
                    r.envelope(),
                    r.phase()))
        .toList();
  }

  /**
   * A round by public id.
   *
   * @throws UserError 404 when there is none
   */
  @Transactional(readOnly = true)
  public Round round(String publicId) {
    Round r =
        jdbc.sql(
                "select id, public_id, county_code, fiscal_year, ward_code, envelope, phase"
                    + " from pb_round where public_id = ?")
            .param(publicId == null ? "" : publicId)
            .query((rs, n) -> round(rs))
            .optional()
            .orElseThrow(() -> UserError.notFound("budget.pb.unknown"));
    String name = geography.ward(r.wardCode()).map(Ward::name).orElse("");
    return new Round(
        r.id(),
        r.publicId(),
        r.countyCode(),
        r.year(),
        r.wardCode(),
        name,
        r.envelope(),
        r.phase());
  }

  /**
   * The round's proposals with their approvals (one query) and, when closed, which the results
   * select: by approvals, most first, each that still fits in what is left of the envelope.
   */
  @Transactional(readOnly = true)
  public List<Proposal> proposals(Round round) {
    List<Proposal> rows =
        jdbc.sql(
                """
                select p.public_id, p.title, p.description, p.location, p.estimated_cost,
                       p.feasible, p.assessed_cost, p.assessment,
                       (select count(*) from pb_vote_choice c where c.proposal_id = p.id) votes
                from pb_proposal p where p.round_id = ?
                order by votes desc, p.assessed_cost, p.id
                """)
            .param(round.id())
            .query(
                (rs, n) ->
                    new Proposal(
                        rs.getString("public_id"),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getString("location"),
                        rs.getBigDecimal("estimated_cost"),
                        (Boolean) rs.getObject("feasible", Boolean.class),
                        rs.getBigDecimal("assessed_cost"),
                        rs.getString("assessment"),
                        rs.getInt("votes"),
                        false))
            .list();
    if (round.phase() != Phase.CLOSED) {
      return rows;
    }
    BigDecimal left = round.envelope();
    List<Proposal> result = new ArrayList<>();
    for (Proposal p : rows) {
      boolean pick =
          Boolean.TRUE.equals(p.feasible())
              && p.votes() > 0
              && p.assessedCost().compareTo(left) <= 0;
      if (pick) {
        left = left.subtract(p.assessedCost());
      }
      result.add(
          new Proposal(
              p.publicId(),
              p.title(),
              p.description(),
              p.location(),
              p.estimatedCost(),
              p.feasible(),
              p.assessedCost(),
              p.assessment(),
              p.votes(),
              pick));
    }
    return result;
  }

  /**
   * A resident's proposal, while the round takes proposals.
   *
   * @throws UserError 409 outside the proposals phase; 400 without a title or description, or with
   *     a cost that is not a positive amount
   */
  @Transactional
  public String propose(String roundId, ProposalForm form) {
    Round round = round(roundId);
    if (round.phase() != Phase.PROPOSALS) {
      throw UserError.conflict("budget.pb.not-proposing");
    }
    String title = Participation.blankToNull(form.title());
    String description = Participation.blankToNull(form.description());
    if (title == null || title.length() > 200 || description == null) {
      throw UserError.badRequest("budget.pb.proposal-required");
    }
    if (description.length() > 4000) {
      throw UserError.badRequest("budget.text.too-long");
    }
    String location = Participation.blankToNull(form.location());
    if (location != null && location.length() > 300) {
      throw UserError.badRequest("budget.text.too-long");
    }
    BigDecimal cost = amount(form.cost());
    String submission = Participation.blankToNull(form.submission());
    String publicId = PublicId.next();
    int inserted =
        jdbc.sql(
                "insert into pb_proposal (public_id, round_id, title, description, location,"
                    + " estimated_cost, submission, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict do nothing")
            .params(publicId, round.id(), title, description, location, cost, submission, now())
            .update();
    if (inserted == 0) {
      return jdbc.sql("select public_id from pb_proposal where submission = ?")
          .param(submission)
          .query(String.class)
          .single();
    }
    return publicId;
  }

  /**
   * Officers' assessment of a proposal: feasible or not, the assessed cost, the reason.
   *
   * @throws UserError 403 for anyone but the county's staff; 400 without a reason, with a bad cost
   *     or for an unknown proposal; 409 once voting has begun
   */
  @Transactional
  public void assess(String roundId, String proposalId, Assessment assessment) {
    Round round = round(roundId);
    SignedInUser user = permissions.requireCountyStaff(round.countyCode());
    if (round.phase() != Phase.PROPOSALS) {
      throw UserError.conflict("budget.pb.not-proposing");
    }
    boolean feasible = "yes".equals(assessment.feasible());
    String reason = Participation.blankToNull(assessment.reason());
    if (reason == null || reason.length() > 2000) {
      throw UserError.badRequest("budget.response.reason-required");
    }
    BigDecimal cost = feasible ? amount(assessment.cost()) : null;
    int changed =
        jdbc.sql(
                "update pb_proposal set feasible = ?, assessed_cost = ?, assessment = ?"
                    + " where public_id = ? and round_id = ?")
            .params(feasible, cost, reason, proposalId, round.id())
            .update();
    if (changed == 0) {
      throw UserError.badRequest("budget.pb.proposal-unknown");
    }
    audit.record(user.publicId(), "budget:pb-assessed", proposalId, round.countyCode());
  }

  /**
   * Moves a round to its next phase: proposals → voting → closed.
   *
   * @throws UserError 403 for anyone but the county's staff; 400 when the phase is not the next
   */
  @Transactional
  public void advance(String roundId, String phase) {
    Round round = round(roundId);
    SignedInUser user = permissions.requireCountyStaff(round.countyCode());
    Phase next;
    try {
      next = Phase.valueOf(phase == null ? "" : phase.strip());
    } catch (IllegalArgumentException e) {
      throw UserError.badRequest("budget.status.invalid");
    }
    if (next.ordinal() != round.phase().ordinal() + 1) {
      throw UserError.badRequest("budget.status.backwards");
    }
    jdbc.sql("update pb_round set phase = ? where id = ? and phase = ?")
        .params(next.name(), round.id(), round.phase().name())
        .update();
    audit.record(
        user.publicId(),
        "budget:pb-" + next.name().toLowerCase(Locale.ROOT),
        roundId,
        round.countyCode());
  }

  /**
   * Sends a six-digit code by SMS to a Kenyan phone number, for voting in this round; at most three
   * an hour per number and round. The number is never stored, only a hash with the round.
   *
   * @throws UserError 409 outside voting or when the number has voted; 400 for a number that is not
   *     Kenyan; 429 after three codes in an hour
   */
  @Transactional
  public void sendCode(String roundId, String phone, Locale locale) {
    Round round = round(roundId);
    if (round.phase() != Phase.VOTING) {
      throw UserError.conflict("budget.pb.not-voting");
    }
    String number =
        Contacts.kenyanPhone(phone)
            .orElseThrow(() -> UserError.badRequest("budget.pb.phone-invalid"));
    String phoneHash = sha256(round.publicId() + ":" + number);
    if (voted(round, phoneHash)) {
      throw UserError.conflict("budget.pb.already-voted");
    }
    int recent =
        jdbc.sql(
                "select count(*) from pb_code where round_id = ? and phone_hash = ?"
                    + " and created_at > ?")
            .params(round.id(), phoneHash, now().minusHours(1))
            .query(Integer.class)
            .single();
    if (recent >= MAX_CODES_AN_HOUR) {
      throw new UserError(
          org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "budget.pb.too-many-codes");
    }
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    jdbc.sql(
            "insert into pb_code (round_id, phone_hash, code_hash, expires_at, attempts,"
                + " created_at) values (?, ?, ?, ?, 0, ?)")
        .params(round.id(), phoneHash, sha256(code), now().plus(CODE_VALIDITY), now())
        .update();
    notifier.sms(
        number,
        messages.getMessage("budget.pb.code-sms", new Object[] {code, round.wardName()}, locale));
  }

  /**
   * Records a vote: the code sent to the phone, and the feasible proposals approved, whose assessed
   * costs together fit the envelope. One vote per phone and round.
   *
   * @throws UserError 409 outside voting or for a second vote; 400 for a wrong or expired code, no
   *     proposal, an unknown or unfeasible one, or a selection over the envelope
   */
  @Transactional
  public void vote(String roundId, String phone, String code, List<String> proposalIds) {
    Round round = round(roundId);
    if (round.phase() != Phase.VOTING) {
      throw UserError.conflict("budget.pb.not-voting");
    }
    String number =
        Contacts.kenyanPhone(phone)
            .orElseThrow(() -> UserError.badRequest("budget.pb.phone-invalid"));
    String phoneHash = sha256(round.publicId() + ":" + number);
    if (voted(round, phoneHash)) {
      throw UserError.conflict("budget.pb.already-voted");
    }
    record Code(long id, String codeHash, OffsetDateTime expiresAt, int attempts) {}
    Code latest =
        jdbc.sql(
                "select id, code_hash, expires_at, attempts from pb_code where round_id = ? and"
                    + " phone_hash = ? order by id desc fetch first 1 rows only")
            .params(round.id(), phoneHash)
            .query(Code.class)
            .optional()
            .orElseThrow(() -> UserError.badRequest("budget.pb.code-wrong"));
    if (latest.attempts() >= MAX_ATTEMPTS || latest.expiresAt().isBefore(now())) {
      throw UserError.badRequest("budget.pb.code-expired");
    }
    if (!MessageDigest.isEqual(
        latest.codeHash().getBytes(StandardCharsets.US_ASCII),
        sha256(code == null ? "" : code.strip()).getBytes(StandardCharsets.US_ASCII))) {
      // counted in its own statement: the refusal below rolls this transaction back
      countAttempt(latest.id());
      throw UserError.badRequest("budget.pb.code-wrong");
    }
    Set<String> chosen = new LinkedHashSet<>(proposalIds == null ? List.of() : proposalIds);
    if (chosen.isEmpty()) {
      throw UserError.badRequest("budget.pb.choose");
    }
    record Choice(long id, Boolean feasible, BigDecimal assessedCost) {}
    List<Choice> choices =
        jdbc.sql(
                "select id, feasible, assessed_cost from pb_proposal where round_id = :round"
                    + " and public_id in (:ids)")
            .param("round", round.id())
            .param("ids", chosen)
            .query(Choice.class)
            .list();
    if (choices.size() != chosen.size()
        || choices.stream().anyMatch(c -> !Boolean.TRUE.equals(c.feasible()))) {
      throw UserError.badRequest("budget.pb.proposal-unknown");
    }
    BigDecimal total =
        choices.stream().map(Choice::assessedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.compareTo(round.envelope()) > 0) {
      throw UserError.badRequest(
          "budget.pb.over-envelope", total.toPlainString(), round.envelope().toPlainString());
    }
    try {
      jdbc.sql("insert into pb_vote (round_id, phone_hash, created_at) values (?, ?, ?)")
          .params(round.id(), phoneHash, now())
          .update();
    } catch (DuplicateKeyException e) {
      throw UserError.conflict("budget.pb.already-voted");
    }
    long voteId =
        jdbc.sql("select id from pb_vote where round_id = ? and phone_hash = ?")
            .params(round.id(), phoneHash)
            .query(Long.class)
            .single();
    for (Choice c : choices) {
      jdbc.sql("insert into pb_vote_choice (vote_id, proposal_id) values (?, ?)")
          .params(voteId, c.id())
          .update();
    }
    jdbc.sql("update pb_code set attempts = ? where id = ?")
        .params(MAX_ATTEMPTS, latest.id())
        .update();
    audit.record(null, "budget:pb-voted", roundId, round.countyCode());
  }

  private void countAttempt(long codeId) {
    TransactionTemplate own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    own.executeWithoutResult(
        status ->
            jdbc.sql("update pb_code set attempts = attempts + 1 where id = ?")
                .param(codeId)
                .update());
  }

  private boolean voted(Round round, String phoneHash) {
    return jdbc.sql("select count(*) from pb_vote where round_id = ? and phone_hash = ?")
            .params(round.id(), phoneHash)
            .query(Integer.class)
            .single()
        > 0;
  }

  private static BigDecimal amount(String value) {
    String v = value == null ? "" : value.strip().replace(" ", "");
    if (v.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
      v = v.replace(",", "");
    }
    try {
      BigDecimal amount = new BigDecimal(v);
      if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 15) {
        throw UserError.badRequest("budget.pb.amount-invalid");
      }
      return amount;
    } catch (NumberFormatException e) {
      throw UserError.badRequest("budget.pb.amount-invalid");
    }
  }

  private static Round round(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Round(
        rs.getLong("id"),
        rs.getString("public_id"),
        rs.getString("county_code"),
        new FiscalYear(rs.getInt("fiscal_year")),
        rs.getString("ward_code"),
        null,
        rs.getBigDecimal("envelope"),
        Phase.valueOf(rs.getString("phase")));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
