package ke.baraza.directory.internal;

import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.Access.SIGNED_IN;
import static ke.baraza.platform.AccessRule.get;
import static ke.baraza.platform.AccessRule.post;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/**
 * The directory is public to read; writes need a signed-in account, and each one is checked against
 * the county, organisation or body by {@link DirectoryPermissions}.
 */
@Component
class DirectorySecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/directory", PUBLIC),
        get("/organisations/{id}", PUBLIC),
        get("/api/v1/organisations", PUBLIC),
        get("/api/v1/organisations/{id}", PUBLIC),
        get("/directory/themes/{county}", PUBLIC),
        get("/organisations/new", SIGNED_IN),
        post("/organisations", SIGNED_IN),
        get("/organisations/{id}/edit", SIGNED_IN),
        post("/organisations/{id}", SIGNED_IN),
        post("/organisations/{id}/verification", SIGNED_IN),
        post("/directory/themes/{county}", SIGNED_IN),
        post("/directory/themes/{county}/{theme}", SIGNED_IN),
        get("/bodies", PUBLIC),
        get("/bodies/{id}", PUBLIC),
        get("/api/v1/bodies", PUBLIC),
        get("/api/v1/bodies/{id}", PUBLIC),
        get("/bodies/new", SIGNED_IN),
        post("/bodies", SIGNED_IN),
        post("/bodies/{id}/applications", SIGNED_IN),
        post("/bodies/{id}/members", SIGNED_IN),
        post("/bodies/{id}/memberships/{membership}", SIGNED_IN));
  }
}
