package ke.baraza.directory.internal;

import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.AccessRule.get;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/** The directory's open data is public: Popolo JSON and the CSV and XLSX downloads. */
@Component
class OpenDataSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/api/v1/popolo/organizations", PUBLIC),
        get("/api/v1/popolo/memberships", PUBLIC),
        get("/api/v1/popolo/areas", PUBLIC),
        get("/directory/export.csv", PUBLIC),
        get("/directory/export.xlsx", PUBLIC),
        get("/bodies/export.csv", PUBLIC),
        get("/bodies/export.xlsx", PUBLIC),
        get("/bodies/{id}/members.csv", PUBLIC),
        get("/bodies/{id}/members.xlsx", PUBLIC));
  }
}
