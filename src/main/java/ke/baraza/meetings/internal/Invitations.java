package ke.baraza.meetings.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Invitations extends JpaRepository<Invitation, Long> {

  List<Invitation> findByMeetingIdOrderById(Long meetingId);

  @Query("select i.inviteeRef from Invitation i where i.meetingId = ?1")
  List<String> inviteeRefs(Long meetingId);

  /** The invitation whose invitation or reminder link has this hash. */
  @Query(
      value = "select * from invitation where token_hash = ?1 or reminder_token_hash = ?1",
      nativeQuery = true)
  Optional<Invitation> findByTokenHash(String hash);
}
