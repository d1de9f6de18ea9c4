package ke.baraza.directory.internal;

import java.util.ArrayList;
import java.util.List;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives every county the default thematic areas once (county staff rename, add or retire them
 * afterwards). Idempotent: a county that has any theme is left alone.
 */
@Component
@org.springframework.core.annotation.Order(0)
class DefaultThemes implements ApplicationRunner {

  /** Key, English, Kiswahili. */
  static final List<String[]> DEFAULTS =
      List.of(
          new String[] {"governance", "Governance and accountability", "Utawala na uwajibikaji"},
          new String[] {"health", "Health", "Afya"},
          new String[] {"education", "Education", "Elimu"},
          new String[] {"climate-change", "Climate change", "Mabadiliko ya tabianchi"},
          new String[] {"agriculture", "Agriculture", "Kilimo"},
          new String[] {"gender-equality", "Gender equality", "Usawa wa kijinsia"},
          new String[] {"social-justice", "Social justice", "Haki ya kijamii"},
          new String[] {"water-sanitation", "Water and sanitation", "Maji na usafi wa mazingira"},
          new String[] {"nutrition", "Nutrition", "Lishe"},
          new String[] {"livelihoods", "Livelihoods", "Riziki"});

  private final ThematicAreas themes;
  private final GeographyApi geography;

  DefaultThemes(ThematicAreas themes, GeographyApi geography) {
    this.themes = themes;
    this.geography = geography;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    List<ThematicArea> missing = new ArrayList<>();
    java.util.Set<String> done = themes.countiesWithThemes();
    for (County county : geography.counties()) {
      if (!done.contains(county.code())) {
        for (String[] d : DEFAULTS) {
          missing.add(new ThematicArea(county.code(), d[0], d[1], d[2]));
        }
      }
    }
    themes.saveAll(missing);
  }
}
