package ke.baraza.feedback.internal;

import java.util.List;

/**
 * What an officer sends with an action on a case page, or with a bulk assignment in the queue.
 *
 * @param text a public reply, an internal note, a rejection's reason or a resolution's summary
 * @param department the public id of the county department to assign to (blank: keep it)
 * @param officer the account public id of the officer to assign to (blank: nobody)
 * @param primary the reference of the case a duplicate is merged into
 * @param cases the references chosen in the queue, for a bulk assignment
 */
public record CaseActionForm(
    String text, String department, String officer, String primary, List<String> cases) {

  public CaseActionForm {
    text = text == null ? "" : text;
    department = department == null ? "" : department.strip();
    officer = officer == null ? "" : officer.strip();
    primary = primary == null ? "" : primary;
    cases = cases == null ? List.of() : List.copyOf(cases);
  }
}
