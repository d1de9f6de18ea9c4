package ke.baraza.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import ke.baraza.shared.PublicId;
import ke.baraza.testing.BarazaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The mailer's claims: of several nodes claiming the same invitation, exactly one gets it. */
@BarazaIntegrationTest
class InvitationClaimsIT {

  @Autowired JdbcClient jdbc;
  @Autowired InvitationMailer mailer;

  @Test
  void anInvitationOrItsReminderIsClaimedOnceOnly() {
    Long id = invitations(1).get(0);
    Instant now = Instant.now();
    assertThat(mailer.claim(id, false, "a".repeat(64), now)).isTrue();
    assertThat(mailer.claim(id, false, "b".repeat(64), now)).as("already claimed").isFalse();
    assertThat(mailer.claim(id, true, "c".repeat(64), now)).isTrue();
    assertThat(mailer.claim(id, true, "d".repeat(64), now)).isFalse();
    mailer.release(id, true);
    assertThat(mailer.claim(id, true, "e".repeat(64), now))
        .as("released to be tried again")
        .isTrue();
  }

  @Test
  void nodesClaimingTheSameInvitationsAtTheSameMomentTakeEachOnce() throws Exception {
    List<Long> ids = invitations(40);
    int nodes = 6;
    CyclicBarrier together = new CyclicBarrier(nodes);
    Map<Long, AtomicInteger> claims = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    List<Future<?>> runs = new ArrayList<>();
    for (int node = 0; node < nodes; node++) {
      runs.add(
          pool.submit(
              () -> {
                together.await();
                for (Long id : ids) {
                  if (mailer.claim(id, false, Tokens.hash(Tokens.next()), Instant.now())) {
                    claims.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    pool.shutdown();
    assertThat(claims).hasSize(ids.size());
    assertThat(claims.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
  }

  /**
   * A cancelled meeting far ahead (so that the mailer's own runs leave it alone) with {@code count}
   * invitations; their ids.
   */
  private List<Long> invitations(int count) {
    OffsetDateTime start = OffsetDateTime.of(2040, 1, 1, 7, 0, 0, 0, ZoneOffset.UTC);
    String meeting = PublicId.next();
    jdbc.sql(
            "insert into meeting (public_id, county_code, organiser_ref, organiser_kind, kind,"
                + " title, venue, starts_at, ends_at, visibility, status, recurrence, created_at,"
                + " updated_at, version) values (?, '016', ?, 'BODY', 'WORKSHOP', 'Claims', 'Hall',"
                + " ?, ?, 'PRIVATE', 'CANCELLED', 'NONE', ?, ?, 0)")
        .params(meeting, PublicId.next(), start, start.plusHours(2), start, start)
        .update();
    Long meetingId =
        jdbc.sql("select id from meeting where public_id = ?")
            .param(meeting)
            .query(Long.class)
            .single();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String publicId = PublicId.next();
      jdbc.sql(
              "insert into invitation (public_id, meeting_id, invitee_kind, invitee_ref,"
                  + " invited_at) values (?, ?, 'PERSON', ?, ?)")
          .params(publicId, meetingId, PublicId.next(), start)
          .update();
      ids.add(
          jdbc.sql("select id from invitation where public_id = ?")
              .param(publicId)
              .query(Long.class)
              .single());
    }
    return ids;
  }
}
