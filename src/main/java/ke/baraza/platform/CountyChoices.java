package ke.baraza.platform;

import java.util.List;

/** The counties offered by the county selector of every page; implemented by geography. */
public interface CountyChoices {

  /** Counties in code order. */
  List<Choice> counties();

  /** One entry of the selector. */
  record Choice(String code, String name) {}
}
