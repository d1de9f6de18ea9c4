package ke.baraza.meetings.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgendaItems extends JpaRepository<AgendaItem, Long> {

  List<AgendaItem> findByMeetingIdOrderBySeq(Long meetingId);
}
