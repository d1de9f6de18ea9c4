package ke.baraza.feedback.internal;

import java.time.OffsetDateTime;
import java.util.List;
import ke.baraza.feedback.CaseStatus;
import ke.baraza.feedback.internal.CaseEvent.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a case's timeline for the public, its reporter or its officers: one query, plus ladder. */
@Component
class Timelines {

  /** Who reads. */
  enum Audience {
    PUBLIC,
    REPORTER,
    OFFICER
  }

  private record Row(
      OffsetDateTime happenedAt, String kind, String status, String body, String author) {}

  private final JdbcClient jdbc;
  private final EscalationLadder ladder;

  Timelines(JdbcClient jdbc, EscalationLadder ladder) {
    this.jdbc = jdbc;
    this.ladder = ladder;
  }

  List<TimelineLine> of(Long caseId, String countyCode, Audience audience) {
    List<Row> rows =
        jdbc.sql(
                "select happened_at, kind, status, body, author from feedback_case_event"
                    + " where case_id = ? order by happened_at, id")
            .param(caseId)
            .query(Row.class)
            .list();
    List<EscalationLadder.Rung> rungs =
        rows.stream().anyMatch(r -> Kind.ESCALATED.name().equals(r.kind()))
            ? ladder.of(countyCode)
            : List.of();
    return rows.stream()
        .filter(r -> shown(Kind.valueOf(r.kind()), audience))
        .map(r -> line(r, rungs, audience))
        .toList();
  }

  private static boolean shown(Kind kind, Audience audience) {
    return switch (audience) {
      case PUBLIC -> kind.isPublic();
      case REPORTER -> kind.forReporter();
      case OFFICER -> true;
    };
  }

  private static TimelineLine line(Row r, List<EscalationLadder.Rung> rungs, Audience audience) {
    Kind kind = Kind.valueOf(r.kind());
    CaseStatus status = r.status() == null ? null : CaseStatus.valueOf(r.status());
    String text = r.body();
    int stars = 0;
    switch (kind) {
      case ESCALATED -> {
        EscalationLadder.Rung rung =
            rungs.get(Math.min(Integer.parseInt(r.body()), rungs.size() - 1));
        return new TimelineLine(at(r), kind, status, rung.nameEn(), rung.nameSw(), 0);
      }
      case ASSIGNED -> {
        int space = text == null ? -1 : text.indexOf(' ');
        text = audience == Audience.OFFICER && space > 0 ? text.substring(space + 1) : null;
      }
      case REOPENED -> text = audience == Audience.PUBLIC ? null : text;
      case RATED -> {
        stars = Integer.parseInt(text.substring(0, 1));
        text = text.length() > 2 ? text.substring(2) : null;
      }
      default -> {}
    }
    return new TimelineLine(at(r), kind, status, text, text, stars);
  }

  private static java.time.Instant at(Row r) {
    return r.happenedAt().toInstant();
  }
}
