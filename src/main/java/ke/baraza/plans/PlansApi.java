package ke.baraza.plans;

import java.util.List;
import java.util.Optional;

/** What other modules may ask of plans. Read-only; public data only. */
public interface PlansApi {

  /** The commitment with this public id, or empty (also for null or malformed ids). */
  Optional<CommitmentRef> commitment(String publicId);

  /** The commitments of every plan of a county, by plan then ambition area and title. */
  List<CommitmentRef> commitments(String countyCode);

  /** The plans of a county, newest period first; empty for an unknown county. */
  List<PlanSummary> plans(String countyCode);
}
