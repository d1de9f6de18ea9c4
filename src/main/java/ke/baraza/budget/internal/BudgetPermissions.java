package ke.baraza.budget.internal;

import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a county's budget cycle: its staff (administrators and county officials of
 * that county) correct dates, move documents, run participation and answer views. Everyone reads
 * what is public.
 */
@Component
public class BudgetPermissions {

  /** Whether the current user is staff of {@code countyCode}. */
  public boolean isCountyStaff(String countyCode) {
    return CurrentUser.holdsAny(countyCode, Role.ADMINISTRATOR, Role.COUNTY_OFFICIAL);
  }

  /**
   * The staff member acting for {@code countyCode}.
   *
   * @throws UserError 403 when the current user is not staff of that county
   */
  public SignedInUser requireCountyStaff(String countyCode) {
    if (!isCountyStaff(countyCode)) {
      throw UserError.forbidden();
    }
    return CurrentUser.get().orElseThrow(UserError::forbidden);
  }
}
