package ke.baraza.feedback.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FeedbackCases extends JpaRepository<FeedbackCase, Long> {

  Optional<FeedbackCase> findByReference(String reference);

  Optional<FeedbackCase> findByIntakeKey(String intakeKey);
}
