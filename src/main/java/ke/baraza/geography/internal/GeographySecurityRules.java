package ke.baraza.geography.internal;

import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.Access.STAFF;
import static ke.baraza.platform.AccessRule.get;
import static ke.baraza.platform.AccessRule.post;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/** Counties, sub-counties and wards are public; adding villages is for county staff. */
@Component
class GeographySecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/counties", PUBLIC),
        get("/counties/**", PUBLIC),
        get("/wards/**", PUBLIC),
        post("/wards/{code}/villages", STAFF),
        get("/geo/**", PUBLIC),
        get("/api/v1/counties", PUBLIC),
        get("/api/v1/counties/**", PUBLIC),
        get("/api/v1/wards/**", PUBLIC));
  }
}
