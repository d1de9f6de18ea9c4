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
 * People pages and the Popolo persons and posts are public to read (contacts never are); writes
 * need a signed-in account and are checked per person, organisation or body by the services.
 */
@Component
class PeopleSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/people/{id}", PUBLIC),
        get("/people/new", SIGNED_IN),
        post("/people", SIGNED_IN),
        get("/people/{id}/edit", SIGNED_IN),
        post("/people/{id}", SIGNED_IN),
        post("/people/{id}/merge", SIGNED_IN),
        post("/people/{id}/organisations", SIGNED_IN),
        post("/people/{id}/organisations/{organisation}/remove", SIGNED_IN),
        post("/bodies/{id}/posts", SIGNED_IN),
        post("/bodies/{id}/posts/{post}/end", SIGNED_IN),
        get("/api/v1/popolo/persons", PUBLIC),
        get("/api/v1/popolo/posts", PUBLIC));
  }
}
