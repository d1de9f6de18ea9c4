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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * per phone number, verified by a six-digit SMS code valid ten minutes, under the round's {@link
 * Rule}: approving feasible projects whose assessed costs together fit the envelope, or ranking up
 * to a number of them. Paper ballots counted at forums add to the web/SMS ones ({@link PbTallies}).
 * Results, once closed, are explained line by line by {@link PbResults}.
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

  /**
   * How residents vote: APPROVAL ticks any feasible projects that together fit the envelope, one
   * vote each; RANKED ranks up to {@code choices} of them, a k-th choice earning {@code choices + 1
   * - k} points (3-2-1 with three choices: a truncated Borda count).
   */
  public enum Rule {
    APPROVAL,
    RANKED;

    public String messageKey() {
      return "budget.pb.rule." + name().toLowerCase(Locale.ROOT);
    }
  }

  static final int MIN_CHOICES = 2;
  static final int MAX_CHOICES = 5;
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
      Phase phase,
      Rule rule,
      int choices) {

    /** Points of a k-th preference: 1 for every approval. */
    public int points(int preference) {
      return rule == Rule.RANKED ? choices + 1 - preference : 1;
    }

    /** The message key naming a k-th choice ("1st choice"). */
    public String choiceKey(int preference) {
      return "budget.pb.choice." + preference;
    }

    Round named(String name) {
      return new Round(
          id, publicId, countyCode, year, wardCode, name, envelope, phase, rule, choices);
    }
  }

  /**
   * A proposal with its assessment and, once voting has begun, its approvals or points.
   *
   * @param feasible {@code null} until assessed
   * @param web approvals or points from web/SMS ballots
   * @param paper approvals or points from paper tallies
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
      long web,
      long paper,
      boolean selected) {

    /** Web/SMS and paper approvals (or points) together. */
    public long votes() {
      return web + paper;
    }
  }

  /** A project the results of a closed round select, for implementation. */
  public record Selected(
      String roundId,
      String wardName,
      String proposalId,
      String title,
      BigDecimal assessedCost,
      Rule rule,
      long total) {}

  public record ProposalForm(
      String title, String description, String location, String cost, String submission) {}

  public record Assessment(String feasible, String cost, String reason) {}

  /**
   * Opens a round in a ward of the county for a fiscal year, taking proposals.
   *
   * @return the round's public id
   * @param rule {@code APPROVAL} or {@code RANKED}; blank means approval
   * @param choices how many projects a ranked ballot ranks (2 to 5); blank means 3
   * @throws UserError 403 for anyone but the county's staff; 400 for a ward of another county, an
   *     envelope that is not a positive amount, an unknown rule or number of choices; 409 when the
   *     ward has a round that year
   */
  @Transactional
  public String open(
      String countyCode,
      FiscalYear year,
      String wardCode,
      String envelope,
      String rule,
      String choices) {
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
    Rule chosenRule = rule(rule);
    int chosenChoices = choices(choices);
    String publicId = PublicId.next();
    try {
      jdbc.sql(
              "insert into pb_round (public_id, county_code, fiscal_year, ward_code, envelope,"
                  + " phase, rule, choices, created_by, created_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              publicId,
              countyCode,
              year.startYear(),
              ward.code(),
              amount,
              Phase.PROPOSALS.name(),
              chosenRule.name(),
              chosenChoices,
              user.publicId(),
              now())
          .update();
    } catch (DuplicateKeyException e) {
      throw UserError.conflict("budget.pb.exists");
    }
    audit.record(user.publicId(), "budget:pb-opened", publicId, countyCode);
    return publicId;
  }

  /**
   * Changes a round's rule, only while it takes proposals (before voting starts).
   *
   * @throws UserError 403 for anyone but the county's staff; 400 for an unknown rule or number of
   *     choices; 409 once voting has begun
   */
  @Transactional
  public void changeRule(String roundId, String rule, String choices) {
    Round round = round(roundId);
    SignedInUser user = permissions.requireCountyStaff(round.countyCode());
    Rule chosen = rule(rule);
    int n = choices(choices);
    int changed =
        jdbc.sql("update pb_round set rule = ?, choices = ? where id = ? and phase = ?")
            .params(chosen.name(), n, round.id(), Phase.PROPOSALS.name())
            .update();
    if (changed == 0) {
      throw UserError.conflict("budget.pb.rule-fixed");
    }
    audit.record(user.publicId(), "budget:pb-rule", roundId, round.countyCode());
  }

  private static Rule rule(String value) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      return Rule.APPROVAL;
    }
    try {
      return Rule.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw UserError.badRequest("budget.pb.rule-invalid");
    }
  }

  private static int choices(String value) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      return 3;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= MIN_CHOICES && n <= MAX_CHOICES) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw UserError.badRequest("budget.pb.choices-invalid", MIN_CHOICES, MAX_CHOICES);
  }

  /** The rounds of a county's fiscal year, by ward code. */
  @Transactional(readOnly = true)
  public List<Round> rounds(String countyCode, FiscalYear year) {
    List<Round> rows =
        jdbc.sql(
                "select id, public_id, county_code, fiscal_year, ward_code, envelope, phase, rule,"
                    + " choices from pb_round where county_code = ? and fiscal_year = ?"
                    + " order by ward_code")
            .params(countyCode, year.startYear())
            .query((rs, n) -> round(rs))
            .list();
    var wards = geography.wards(rows.stream().map(Round::wardCode).toList());
    return rows.stream()
        .map(r -> r.named(wards.containsKey(r.wardCode()) ? wards.get(r.wardCode()).name() : ""))
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
                "select id, public_id, county_code, fiscal_year, ward_code, envelope, phase, rule,"
                    + " choices from pb_round where public_id = ?")
            .param(publicId == null ? "" : publicId)
            .query((rs, n) -> round(rs))
            .optional()
            .orElseThrow(() -> UserError.notFound("budget.pb.unknown"));
    return r.named(geography.ward(r.wardCode()).map(Ward::name).orElse(""));
  }

  /**
   * The round's proposals in the order they came, with their approvals or points (web/SMS and paper
   * apart) and, when closed, whether the results select them. One query.
   */
  @Transactional(readOnly = true)
  public List<Proposal> proposals(Round round) {
    List<Row> rows = rows("p.round_id = ?", round.id());
    Set<String> selected =
        round.phase() != Phase.CLOSED
            ? Set.of()
            : PbResults.compute(round.envelope(), rows.stream().map(Row::count).toList()).stream()
                .filter(PbResults.Line::selected)
                .map(PbResults.Line::proposalId)
                .collect(Collectors.toSet());
    return rows.stream()
        .map(
            r ->
                new Proposal(
                    r.count().proposalId(),
                    r.count().title(),
                    r.description(),
                    r.location(),
                    r.estimatedCost(),
                    r.count().feasible(),
                    r.count().assessedCost(),
                    r.count().assessment(),
                    r.count().web(),
                    r.count().paper(),
                    selected.contains(r.count().proposalId())))
        .toList();
  }

  /**
   * The explained results of a closed round (see {@link PbResults}); empty before it closes. One
   * query.
   */
  @Transactional(readOnly = true)
  public List<PbResults.Line> results(Round round) {
    if (round.phase() != Phase.CLOSED) {
      return List.of();
    }
    return PbResults.compute(
        round.envelope(), rows("p.round_id = ?", round.id()).stream().map(Row::count).toList());
  }

  /**
   * The projects selected for implementation in a county's fiscal year: the results of every closed
   * round, by ward. Two queries and a look-up of the wards' names, whatever the number of rounds.
   */
  @Transactional(readOnly = true)
  public List<Selected> forImplementation(String countyCode, FiscalYear year) {
    List<Round> closed =
        rounds(countyCode, year).stream().filter(r -> r.phase() == Phase.CLOSED).toList();
    if (closed.isEmpty()) {
      return List.of();
    }
    var byRound =
        rows(
                "p.round_id in (select id from pb_round where county_code = ? and fiscal_year = ?"
                    + " and phase = 'CLOSED')",
                countyCode,
                year.startYear())
            .stream()
            .collect(
                Collectors.groupingBy(
                    Row::roundId, Collectors.mapping(Row::count, Collectors.toList())));
    List<Selected> selected = new ArrayList<>();
    for (Round r : closed) {
      for (PbResults.Line line :
          PbResults.compute(r.envelope(), byRound.getOrDefault(r.id(), List.of()))) {
        if (line.selected()) {
          selected.add(
              new Selected(
                  r.publicId(),
                  r.wardName(),
                  line.proposalId(),
                  line.title(),
                  line.assessedCost(),
                  r.rule(),
                  line.total()));
        }
      }
    }
    return selected;
  }

  private record Row(
      long roundId,
      String description,
      String location,
      BigDecimal estimatedCost,
      PbResults.Count count) {}

  /** Proposals with their web/SMS and paper approvals or points under their round's rule. */
  private List<Row> rows(String where, Object... params) {
    return jdbc.sql(
            """
            select p.id, p.round_id, p.public_id, p.title, p.description, p.location,
                   p.estimated_cost, p.feasible, p.assessed_cost, p.assessment,
                   coalesce((select sum(case when r.rule = 'RANKED'
                                             then r.choices + 1 - c.preference else 1 end)
                             from pb_vote_choice c where c.proposal_id = p.id), 0) web,
                   coalesce((select sum(t.ballots * case when r.rule = 'RANKED'
                                             then r.choices + 1 - t.preference else 1 end)
                             from pb_tally_count t where t.proposal_id = p.id), 0) paper
            from pb_proposal p join pb_round r on r.id = p.round_id
            where %s order by p.id
            """
                .formatted(where))
        .params(params)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong("round_id"),
                    rs.getString("description"),
                    rs.getString("location"),
                    rs.getBigDecimal("estimated_cost"),
                    new PbResults.Count(
                        rs.getLong("id"),
                        rs.getString("public_id"),
                        rs.getString("title"),
                        (Boolean) rs.getObject("feasible", Boolean.class),
                        rs.getBigDecimal("assessed_cost"),
                        rs.getString("assessment"),
                        rs.getLong("web"),
                        rs.getLong("paper"))))
        .list();
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
   * Records a vote with the code sent to the phone: under APPROVAL the feasible proposals approved,
   * whose assessed costs together fit the envelope; under RANKED up to {@code choices} feasible
   * proposals, each with its own rank. One vote per phone and round.
   *
   * @param proposalIds the approved proposals (APPROVAL; ignored when RANKED); may be null
   * @param ranks proposal id to rank, "1" for a first choice (RANKED; ignored under APPROVAL);
   *     blank ranks are left out; may be null
   * @throws UserError 409 outside voting or for a second vote; 400 for a wrong or expired code, no
   *     proposal, an unknown or unfeasible one, a selection over the envelope, or a rank that is
   *     not a number from 1 to the round's choices or is given to two projects
   */
  @Transactional
  public void vote(
      String roundId,
      String phone,
      String code,
      List<String> proposalIds,
      Map<String, String> ranks) {
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
    Map<String, Integer> preference =
        round.rule() == Rule.RANKED
            ? ranked(round, ranks)
            : approved(proposalIds == null ? List.of() : proposalIds);
    Set<String> chosen = preference.keySet();
    record Choice(long id, String publicId, Boolean feasible, BigDecimal assessedCost) {}
    List<Choice> choices =
        jdbc.sql(
                "select id, public_id, feasible, assessed_cost from pb_proposal"
                    + " where round_id = :round"
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
    if (round.rule() == Rule.APPROVAL && total.compareTo(round.envelope()) > 0) {
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
      jdbc.sql("insert into pb_vote_choice (vote_id, proposal_id, preference) values (?, ?, ?)")
          .params(voteId, c.id(), preference.get(c.publicId()))
          .update();
    }
    jdbc.sql("update pb_code set attempts = ? where id = ?")
        .params(MAX_ATTEMPTS, latest.id())
        .update();
    audit.record(null, "budget:pb-voted", roundId, round.countyCode());
  }

  private static Map<String, Integer> approved(List<String> proposalIds) {
    Map<String, Integer> approved = new LinkedHashMap<>();
    proposalIds.forEach(p -> approved.put(p, 1));
    if (approved.isEmpty()) {
      throw UserError.badRequest("budget.pb.choose");
    }
    return approved;
  }

  /** The ranks of a ranked ballot: each a number from 1 to the round's choices, each once. */
  private static Map<String, Integer> ranked(Round round, Map<String, String> ranks) {
    Map<String, Integer> ranked = new LinkedHashMap<>();
    Map<Integer, String> taken = new HashMap<>();
    for (var e : (ranks == null ? Map.<String, String>of() : ranks).entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue().strip();
      if (value.isEmpty()) {
        continue;
      }
      int rank;
      try {
        rank = Integer.parseInt(value);
      } catch (NumberFormatException ex) {
        rank = 0;
      }
      if (rank < 1 || rank > round.choices()) {
        throw UserError.badRequest("budget.pb.rank-invalid", round.choices());
      }
      if (taken.putIfAbsent(rank, e.getKey()) != null) {
        throw UserError.badRequest("budget.pb.rank-duplicate", rank);
      }
      ranked.put(e.getKey(), rank);
    }
    if (ranked.isEmpty()) {
      throw UserError.badRequest("budget.pb.rank-choose");
    }
    return ranked;
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
        Phase.valueOf(rs.getString("phase")),
        Rule.valueOf(rs.getString("rule")),
        rs.getInt("choices"));
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
