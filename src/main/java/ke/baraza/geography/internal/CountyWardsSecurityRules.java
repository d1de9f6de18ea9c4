package ke.baraza.geography.internal;

import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.AccessRule.get;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/** A county's ward boundaries are public, like every boundary. */
@Component
class CountyWardsSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(get("/geo/counties/{code}/wards.geojson", PUBLIC));
  }
}
