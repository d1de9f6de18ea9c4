package ke.baraza.geography.internal;

import java.util.List;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.CountyChoices;
import org.springframework.stereotype.Component;

/** Offers the 47 counties to the county selector in every page header. */
@Component
class CountySelector implements CountyChoices {

  private final GeographyApi geography;

  CountySelector(GeographyApi geography) {
    this.geography = geography;
  }

  @Override
  public List<Choice> counties() {
    return geography.counties().stream().map(c -> new Choice(c.code(), c.name())).toList();
  }
}
