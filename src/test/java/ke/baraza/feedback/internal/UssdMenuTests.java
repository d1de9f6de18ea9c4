package ke.baraza.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class UssdMenuTests {

  static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasenames("i18n/feedback");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
  }

  /** 47 counties, 8 service areas, 3 sub-counties of 7 wards each, with long names. */
  static final UssdMenu.Catalogue CATALOGUE =
      new UssdMenu.Catalogue() {
        @Override
        public List<UssdMenu.Option> counties() {
          return IntStream.rangeClosed(1, 47)
              .mapToObj(i -> new UssdMenu.Option("%03d".formatted(i), "Elgeyo Marakwet " + i))
              .toList();
        }

        @Override
        public List<UssdMenu.Option> areas(String countyCode, Locale language) {
          List<UssdMenu.Option> areas = new ArrayList<>();
          for (var area : ServiceAreaCatalogue.defaults(countyCode)) {
            areas.add(new UssdMenu.Option(area.publicId(), area.name(language)));
          }
          return areas;
        }

        @Override
        public List<UssdMenu.Option> subCounties(String countyCode) {
          return List.of(
              new UssdMenu.Option("076", "Masinga"),
              new UssdMenu.Option("080", "Kathiani"),
              new UssdMenu.Option("081", "Machakos Town"));
        }

        @Override
        public List<UssdMenu.Option> wards(String subCountyCode) {
          return IntStream.rangeClosed(1, 7)
              .mapToObj(
                  i -> new UssdMenu.Option(subCountyCode + i, "Muvuti/Kiima-Kimwe Central " + i))
              .toList();
        }
      };

  static UssdMenu.Outcome answer(String county, String text) {
    return new UssdMenu(
            CATALOGUE, (key, language) -> MESSAGES.getMessage(key, null, language), county)
        .answer(text);
  }

  static String screen(String county, String text) {
    UssdMenu.Outcome outcome = answer(county, text);
    assertThat(outcome).as(text).isInstanceOf(UssdMenu.Screen.class);
    return ((UssdMenu.Screen) outcome).body();
  }

  @Test
  void theFirstScreenOffersBothLanguages() {
    assertThat(screen(null, ""))
        .startsWith("CON ")
        .contains("Karibu Baraza / Welcome", "1. English", "2. Kiswahili")
        .doesNotContain("0. ");
  }

  @Test
  void aReportWalksLanguageCountyAreaSubCountyWardDescriptionAndConfirmation() {
    assertThat(screen(null, "2")).contains("1. Ripoti tatizo", "2. Fuatilia malalamiko");
    assertThat(screen(null, "2*1")).contains("Kaunti yako:", "1. Elgeyo Marakwet 1", "98. Zaidi");
    assertThat(screen(null, "2*1*1")).contains("Yanahusu nini?", "1. Maji na usafi");
    assertThat(screen(null, "2*1*1*1")).contains("Kaunti ndogo yako:", "2. Kathiani");
    assertThat(screen(null, "2*1*1*1*2")).contains("Wadi yako:", "1. Muvuti/Kiima-Kimwe Central 1");
    assertThat(screen(null, "2*1*1*1*2*3")).contains("Eleza tatizo");
    String confirm = screen(null, "2*1*1*1*2*3*Hakuna maji siku tano");
    assertThat(confirm)
        .contains("Tuma malalamiko haya?", "Maji na usafi", "Hakuna maji siku tano", "1. Tuma");
    assertThat(answer(null, "2*1*1*1*2*3*Hakuna maji siku tano*1"))
        .isEqualTo(
            new UssdMenu.File(
                Locale.forLanguageTag("sw"), "001", "001-water", "0803", "Hakuna maji siku tano"));
  }

  @Test
  void aServiceCodeOfOneCountySkipsTheCountyQuestion() {
    assertThat(screen("016", "1*1")).contains("What is it about?", "1. Water and sanitation");
    assertThat(answer("016", "1*1*2*1*1*No water for five days now*1"))
        .isEqualTo(
            new UssdMenu.File(
                Locale.ENGLISH, "016", "016-roads", "0761", "No water for five days now"));
  }

  @Test
  void longListsArePagedAndNumberedThroughAndBackGoesAPageOrAQuestionBack() {
    String first = screen(null, "1*1");
    String second = screen(null, "1*1*98");
    assertThat(second).doesNotContain("\n1. Elgeyo").contains("0. Back");
    int firstOnSecond = Integer.parseInt(second.split("\n")[1].split("\\.")[0]);
    assertThat(first)
        .contains((firstOnSecond - 1) + ". Elgeyo")
        .doesNotContain("\n" + firstOnSecond + ". Elgeyo");
    assertThat(screen(null, "1*1*98*0")).isEqualTo(first);
    assertThat(screen(null, "1*1*0")).isEqualTo(screen(null, "1"));
    assertThat(answer(null, "1*1*1")).isInstanceOf(UssdMenu.Screen.class);
    assertThat(screen(null, "1*1*98*" + firstOnSecond)).contains("What is it about?");
    assertThat(screen(null, "1*1*" + firstOnSecond))
        .as("a number of another page is not a choice")
        .startsWith("END Invalid choice");
    assertThat(screen(null, "1*1*1*1*2*3*0")).isEqualTo(screen(null, "1*1*1*1*2"));
  }

  @Test
  void everyScreenFitsOneUssdScreenInBothLanguages() {
    List<String> paths = new ArrayList<>();
    for (String language : List.of("1", "2")) {
      String path = language + "*1";
      paths.addAll(List.of(language, path));
      for (int page = 0; page < 6; page++) {
        paths.add(path);
        path += "*98";
      }
      paths.add(language + "*1*1");
      paths.add(language + "*1*1*1");
      paths.add(language + "*1*1*1*2");
      paths.add(language + "*1*1*1*2*3");
      paths.add(language + "*1*1*1*2*3*" + "x".repeat(160));
      paths.add(language + "*1*1*1*2*3*" + "x".repeat(161));
      paths.add(language + "*1*1*1*2*3*" + "y".repeat(40) + "*2");
      paths.add(language + "*2");
      paths.add(language + "*7");
    }
    paths.add("");
    paths.add("5");
    for (String path : paths) {
      assertThat(screen(null, path).length()).as(path).isLessThanOrEqualTo(UssdMenu.MAX_SCREEN);
    }
  }

  @Test
  void malformedTextEndsTheSessionInBothLanguagesUntilOneIsChosen() {
    for (String text :
        List.of(
            "3", "1**2", "1*", "abc", "1*1*x", "\u0001", "1*2*3*".repeat(20), "9".repeat(1001))) {
      String body = screen(null, text);
      assertThat(body).as(text).startsWith("END ");
    }
    assertThat(screen(null, "3")).contains("Chaguo si sahihi", "Invalid choice");
    assertThat(screen(null, "2*5")).isEqualTo("END Chaguo si sahihi. Tafadhali piga tena.");
    assertThat(screen(null, "1*1*1*1*2*3*too short"))
        .isEqualTo("END The description must have 10 to 160 characters. Please dial again.");
    assertThat(screen(null, "1*1*1*1*2*3*Long enough text*2"))
        .isEqualTo("END Cancelled. Nothing was sent.");
  }

  @Test
  void checkingAStatusAsksForTheReference() {
    assertThat(screen(null, "1*2")).contains("Enter the reference number");
    assertThat(answer(null, "2*2*mks-7k3q9"))
        .isEqualTo(new UssdMenu.Status(Locale.forLanguageTag("sw"), "mks-7k3q9"));
  }
}
