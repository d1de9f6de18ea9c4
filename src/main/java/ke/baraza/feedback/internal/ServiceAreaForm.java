package ke.baraza.feedback.internal;

/**
 * A service area as typed into the settings form: text only, checked by {@link
 * ServiceAreaCatalogue}.
 *
 * @param department the public id of a county department, or blank for none yet
 * @param active whether new cases may be filed under it (null means no)
 */
public record ServiceAreaForm(
    String nameEn,
    String nameSw,
    String keywordEn,
    String keywordSw,
    String department,
    String acknowledgeDays,
    String resolveDays,
    Boolean active) {

  public ServiceAreaForm {
    active = Boolean.TRUE.equals(active);
  }

  public static ServiceAreaForm of(ServiceArea area) {
    return new ServiceAreaForm(
        area.nameEn(),
        area.nameSw(),
        area.keywordEn(),
        area.keywordSw(),
        area.departmentRef() == null ? "" : area.departmentRef(),
        Integer.toString(area.acknowledgeDays()),
        Integer.toString(area.resolveDays()),
        area.active());
  }

  public static ServiceAreaForm empty() {
    return new ServiceAreaForm("", "", "", "", "", "3", "30", true);
  }
}
