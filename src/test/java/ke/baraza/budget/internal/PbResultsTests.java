package ke.baraza.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import ke.baraza.budget.internal.PbResults.Count;
import ke.baraza.budget.internal.PbResults.Line;
import ke.baraza.budget.internal.PbResults.Outcome;
import org.junit.jupiter.api.Test;

class PbResultsTests {

  private static Count count(long seq, String id, String cost, long web, long paper) {
    return new Count(
        seq, id, id, cost != null, cost == null ? null : new BigDecimal(cost), "why", web, paper);
  }

  @Test
  void tiesGoToTheLowerCostThenToTheEarlierProposal() {
    List<Line> lines =
        PbResults.compute(
            new BigDecimal("1000"),
            List.of(
                count(1, "dear", "300", 4, 1),
                count(2, "early", "200", 5, 0),
                count(3, "later", "200", 2, 3),
                count(4, "top", "100", 9, 0)));
    assertThat(lines).extracting(Line::proposalId).containsExactly("top", "early", "later", "dear");
    assertThat(lines).extracting(Line::position).containsExactly(1, 2, 3, 4);
  }

  @Test
  void skipsAProjectThatDoesNotFitAndGoesOnDownTheList() {
    List<Line> lines =
        PbResults.compute(
            new BigDecimal("1000"),
            List.of(
                count(1, "big", "700", 10, 0),
                count(2, "bigger", "400", 8, 0),
                count(3, "small", "300", 1, 1)));
    assertThat(lines)
        .extracting(Line::outcome)
        .containsExactly(Outcome.SELECTED, Outcome.OVER_ENVELOPE, Outcome.SELECTED);
    assertThat(lines.get(1).left()).isEqualByComparingTo("300");
    assertThat(lines.get(1).runningTotal()).isEqualByComparingTo("700");
    assertThat(lines.get(2).runningTotal()).isEqualByComparingTo("1000");
  }

  @Test
  void neverSelectsAnUnfeasibleProjectNorOneWithoutVotes() {
    List<Line> lines =
        PbResults.compute(
            new BigDecimal("1000"),
            List.of(count(1, "none", "10", 0, 0), count(2, "no", null, 50, 0)));
    assertThat(lines).extracting(Line::proposalId).containsExactly("none", "no");
    assertThat(lines)
        .extracting(Line::outcome)
        .containsExactly(Outcome.NO_VOTES, Outcome.NOT_FEASIBLE);
    assertThat(lines).noneMatch(Line::selected);
  }
}
