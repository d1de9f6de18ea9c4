package ke.baraza.activities.internal;

import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.Access.SIGNED_IN;
import static ke.baraza.platform.AccessRule.get;
import static ke.baraza.platform.AccessRule.post;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/**
 * Activity pages, lists, the who-does-what-where page and the IATI export are public and show
 * internal activities only to those {@link ActivityPermissions} lets see them; writes need an
 * account and are checked against the organisation. Overlap flags and their recipients need an
 * account and are checked against the county's coordinators.
 */
@Component
class ActivitiesSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/activities/new", SIGNED_IN),
        post("/activities", SIGNED_IN),
        get("/activities/{id}", PUBLIC),
        get("/activities/{id}/edit", SIGNED_IN),
        post("/activities/{id}", SIGNED_IN),
        get("/activities/organisations/{id}", PUBLIC),
        get("/activities/counties/{code}", PUBLIC),
        get("/activities/counties/{code}/where", PUBLIC),
        get("/activities/counties/{code}/wards.json", PUBLIC),
        get("/activities/counties/{code}/flags", SIGNED_IN),
        post("/activities/counties/{code}/flags/{flag}", SIGNED_IN),
        post("/activities/counties/{code}/flag-recipients", SIGNED_IN),
        post("/activities/counties/{code}/flag-recipients/{recipient}/remove", SIGNED_IN),
        get("/api/v1/iati/counties/{code}/activities.xml", PUBLIC));
  }
}
