package ke.baraza.plans;

import java.util.Locale;

/** What a plan is. */
public enum PlanKind {
  /** An Open Government Partnership (local) action plan. */
  OGP_ACTION_PLAN,
  /** A coordination mechanism's joint work plan, aligned to the CIDP and ADP. */
  JOINT_WORK_PLAN;

  /** The message key of the kind's name. */
  public String messageKey() {
    return "plan.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
