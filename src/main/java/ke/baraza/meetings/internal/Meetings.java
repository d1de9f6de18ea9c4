package ke.baraza.meetings.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Meetings extends JpaRepository<Meeting, Long> {

  Optional<Meeting> findByPublicId(String publicId);

  /** The meeting, its row locked until the transaction ends (agenda changes). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select m from Meeting m where m.publicId = ?1")
  Optional<Meeting> lockByPublicId(String publicId);
}
