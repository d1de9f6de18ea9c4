package ke.baraza.plans;

/**
 * A commitment (or work-plan item) as other modules see it, e.g. to link an activity to it.
 *
 * @param publicId the commitment's public id
 * @param planPublicId its plan's public id
 * @param planTitle its plan's title
 * @param countyCode the plan's county
 * @param ambitionArea the ambition area (or work-plan theme) it belongs to
 * @param title what is committed
 * @param leadRef the public id of the lead institution (a directory organisation)
 */
public record CommitmentRef(
    String publicId,
    String planPublicId,
    String planTitle,
    String countyCode,
    String ambitionArea,
    String title,
    String leadRef) {}
