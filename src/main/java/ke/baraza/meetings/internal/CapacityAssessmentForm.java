package ke.baraza.meetings.internal;

/** The form of a capacity assessment: its date (2026-03-14) and a score of 1 to 5 per domain. */
public record CapacityAssessmentForm(
    String assessedOn,
    String governance,
    String financialManagement,
    String humanResources,
    String programmeManagement,
    String monitoringAndEvaluation,
    String resourceMobilisation,
    String advocacy) {

  public static CapacityAssessmentForm blank() {
    return new CapacityAssessmentForm("", "", "", "", "", "", "", "");
  }

  /** The typed score of a domain, {@code null} when the field was missing. */
  public String score(AssessmentDomain domain) {
    return switch (domain) {
      case GOVERNANCE -> governance;
      case FINANCIAL_MANAGEMENT -> financialManagement;
      case HUMAN_RESOURCES -> humanResources;
      case PROGRAMME_MANAGEMENT -> programmeManagement;
      case MONITORING_AND_EVALUATION -> monitoringAndEvaluation;
      case RESOURCE_MOBILISATION -> resourceMobilisation;
      case ADVOCACY -> advocacy;
    };
  }
}
