package ke.baraza.meetings.internal;

import java.util.Locale;

/** The topics the seeds' networks train on; {@link #OTHER} carries a free-text topic. */
public enum TrainingTopic {
  PBO_ACT,
  COUNTY_GOVERNMENTS_RELATIONS_ACT,
  ODSS,
  BUDGET_ANALYSIS_AND_AUDIT,
  FUNDRAISING_AND_RESOURCE_MOBILISATION,
  ADVOCACY,
  OTHER;

  public String messageKey() {
    return "training.topic." + name().toLowerCase(Locale.ROOT);
  }
}
