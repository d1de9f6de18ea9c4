package ke.baraza.activities.internal;

import java.time.LocalDate;
import java.util.List;
import ke.baraza.activities.ActivityStatus;
import ke.baraza.activities.Theme;

/** An activity's fields once checked: what {@link ActivityService} writes. */
record ActivityDetails(
    String title,
    String description,
    Theme theme,
    List<String> wardCodes,
    LocalDate startsOn,
    LocalDate endsOn,
    Long budgetKes,
    String fundingSource,
    ActivityStatus status,
    boolean publicRecord,
    int[] counts,
    Long commitmentId,
    String workPlanRef) {}
