package ke.baraza.budget.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The results of a participatory budgeting round, each line explained. Projects are ordered by
 * their total (approvals, or points when ranked; web/SMS and paper added), ties going to the lower
 * assessed cost, then to the earlier proposal; feasible projects before the others. Walking down
 * that order, a project is selected when its assessed cost fits in what is left of the envelope; a
 * project that does not fit is skipped and the walk goes on. Projects not assessed feasible, and
 * projects without a single vote, are never selected.
 */
public final class PbResults {

  private PbResults() {}

  /** Why a line is, or is not, selected. */
  public enum Outcome {
    SELECTED,
    OVER_ENVELOPE,
    NO_VOTES,
    NOT_FEASIBLE
  }

  /**
   * A proposal as counted.
   *
   * @param sequence the order proposals came in (earlier first on a tie)
   * @param feasible {@code null} when never assessed
   * @param assessedCost {@code null} unless feasible
   * @param web approvals or points from web/SMS ballots
   * @param paper approvals or points from paper tallies
   */
  public record Count(
      long sequence,
      String proposalId,
      String title,
      Boolean feasible,
      BigDecimal assessedCost,
      String assessment,
      long web,
      long paper) {

    long total() {
      return web + paper;
    }

    boolean isFeasible() {
      return Boolean.TRUE.equals(feasible) && assessedCost != null;
    }
  }

  /**
   * A line of the results.
   *
   * @param left what was left of the envelope before this line
   * @param runningTotal the assessed cost of the projects selected so far, this one included
   */
  public record Line(
      int position,
      String proposalId,
      String title,
      long web,
      long paper,
      long total,
      BigDecimal assessedCost,
      BigDecimal left,
      BigDecimal runningTotal,
      Outcome outcome,
      String assessment) {

    public boolean selected() {
      return outcome == Outcome.SELECTED;
    }
  }

  /** The order of the results: feasible first, total down, cost up, earlier proposal first. */
  static final Comparator<Count> ORDER =
      Comparator.comparing((Count c) -> c.isFeasible() ? 0 : 1)
          .thenComparing(Comparator.comparingLong(Count::total).reversed())
          .thenComparing(c -> c.isFeasible() ? c.assessedCost() : BigDecimal.ZERO)
          .thenComparingLong(Count::sequence);

  /**
   * Computes the explained results.
   *
   * @param envelope the round's envelope, positive
   * @param counts the round's proposals with their counts, in any order; not modified
   * @return one line per proposal, in the order of the results
   */
  public static List<Line> compute(BigDecimal envelope, List<Count> counts) {
    List<Count> ordered = counts.stream().sorted(ORDER).toList();
    List<Line> lines = new ArrayList<>(ordered.size());
    BigDecimal spent = BigDecimal.ZERO;
    for (Count c : ordered) {
      BigDecimal left = envelope.subtract(spent);
      Outcome outcome;
      if (!c.isFeasible()) {
        outcome = Outcome.NOT_FEASIBLE;
      } else if (c.total() <= 0) {
        outcome = Outcome.NO_VOTES;
      } else if (c.assessedCost().compareTo(left) > 0) {
        outcome = Outcome.OVER_ENVELOPE;
      } else {
        outcome = Outcome.SELECTED;
        spent = spent.add(c.assessedCost());
      }
      lines.add(
          new Line(
              lines.size() + 1,
              c.proposalId(),
              c.title(),
              c.web(),
              c.paper(),
              c.total(),
              c.isFeasible() ? c.assessedCost() : null,
              left,
              spent,
              outcome,
              c.assessment()));
    }
    return lines;
  }
}
