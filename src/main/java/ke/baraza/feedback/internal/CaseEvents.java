package ke.baraza.feedback.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseEvents extends JpaRepository<CaseEvent, Long> {

  boolean existsBySubmissionKey(String submissionKey);
}
