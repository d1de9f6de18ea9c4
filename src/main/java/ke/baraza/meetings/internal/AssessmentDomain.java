package ke.baraza.meetings.internal;

import java.util.Locale;

/** The domains of the capacity assessment tool, each scored 1 (weak) to 5 (strong). */
public enum AssessmentDomain {
  GOVERNANCE("governance"),
  FINANCIAL_MANAGEMENT("financialManagement"),
  HUMAN_RESOURCES("humanResources"),
  PROGRAMME_MANAGEMENT("programmeManagement"),
  MONITORING_AND_EVALUATION("monitoringAndEvaluation"),
  RESOURCE_MOBILISATION("resourceMobilisation"),
  ADVOCACY("advocacy");

  private final String field;

  AssessmentDomain(String field) {
    this.field = field;
  }

  public String messageKey() {
    return "capacity.domain." + name().toLowerCase(Locale.ROOT);
  }

  /** The form field of the domain's score. */
  public String field() {
    return field;
  }
}
