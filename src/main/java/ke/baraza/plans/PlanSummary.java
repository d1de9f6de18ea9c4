package ke.baraza.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * One plan as the public API lists it.
 *
 * @param leadInstitutions public ids of the lead institutions (directory organisations)
 * @param commitments how many commitments it has
 */
public record PlanSummary(
    String publicId,
    String countyCode,
    PlanKind kind,
    String title,
    LocalDate startsOn,
    LocalDate endsOn,
    List<String> leadInstitutions,
    int commitments) {}
