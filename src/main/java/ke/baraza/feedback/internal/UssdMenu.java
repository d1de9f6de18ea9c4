package ke.baraza.feedback.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The USSD menu as a pure function of the answers so far. Africa's Talking sends every answer of
 * the session again with each request ({@code text} = {@code 1*2*98*3}), so each request replays
 * them from the start: language, then "report" (county unless the service code has one, service
 * area, sub-county, ward, description, confirm) or "check status" (reference). Long lists are paged
 * within {@value #MAX_SCREEN} characters: {@value #MORE} shows more, {@value #BACK} goes back a
 * page or a question. An answer that fits no question ends the session with a message.
 */
final class UssdMenu {

  /** The most characters a USSD screen shows, the {@code CON }/{@code END } prefix included. */
  static final int MAX_SCREEN = 182;

  static final String MORE = "98";
  static final String BACK = "0";
  static final int MAX_ANSWERS = 40;
  static final int MAX_TEXT = 1000;
  static final int MIN_DESCRIPTION = Intake.MIN_DESCRIPTION;
  static final int MAX_DESCRIPTION = 160;

  static final Locale SWAHILI = Locale.forLanguageTag("sw");

  /** A choice in a list: what is kept, and what is shown. */
  record Option(String id, String label) {}

  /** The lists the menu offers. */
  interface Catalogue {
    List<Option> counties();

    List<Option> areas(String countyCode, Locale language);

    List<Option> subCounties(String countyCode);

    List<Option> wards(String subCountyCode);
  }

  /** What a request comes to. */
  sealed interface Outcome permits Screen, File, Status {}

  /** A screen to show: {@code CON} (awaiting an answer) or {@code END}. */
  record Screen(boolean end, String text) implements Outcome {

    /** The response body: {@code CON …} or {@code END …}. */
    String body() {
      return (end ? "END " : "CON ") + text;
    }
  }

  /** Every question answered and "send" chosen: file the case. */
  record File(Locale language, String countyCode, String area, String wardCode, String description)
      implements Outcome {}

  /** A reference typed to check its status. */
  record Status(Locale language, String reference) implements Outcome {}

  private enum Step {
    LANGUAGE,
    MAIN,
    COUNTY,
    AREA,
    SUB_COUNTY,
    WARD,
    DESCRIPTION,
    CONFIRM,
    REFERENCE
  }

  private record Frame(Step step, int page) {}

  private final Catalogue catalogue;
  private final BiFunction<String, Locale, String> messages;
  private final String fixedCounty;

  private Locale language;
  private String county;
  private String area;
  private String areaLabel;
  private String subCounty;
  private String ward;
  private String wardLabel;
  private String description;
  private Step step = Step.LANGUAGE;
  private int page;
  private final Deque<Frame> history = new ArrayDeque<>();

  /** Each list once per request, however often the replay looks at it. */
  private final Map<String, List<Option>> lists = new HashMap<>();

  /**
   * @param messages the message of a key in a language
   * @param fixedCounty the county of the service code, or null to ask for it
   */
  UssdMenu(Catalogue catalogue, BiFunction<String, Locale, String> messages, String fixedCounty) {
    this.catalogue = catalogue;
    this.messages = messages;
    this.fixedCounty = fixedCounty;
    this.county = fixedCounty;
  }

  /** The outcome of a session's {@code text}: every answer so far, separated by {@code *}. */
  Outcome answer(String text) {
    String all = text == null ? "" : text.strip();
    if (all.length() > MAX_TEXT || !all.chars().allMatch(c -> c >= 0x20 && c != 0x7F)) {
      return invalid();
    }
    String[] answers = all.isEmpty() ? new String[0] : all.split("\\*", -1);
    if (answers.length > MAX_ANSWERS) {
      return invalid();
    }
    for (String raw : answers) {
      Outcome outcome = take(raw.strip());
      if (outcome != null) {
        return outcome;
      }
    }
    return screen();
  }

  /** Applies one answer; an outcome ends the replay (a final screen, filing or a status). */
  private Outcome take(String answer) {
    if (answer.isEmpty()) {
      return invalid();
    }
    if (BACK.equals(answer) && step != Step.LANGUAGE) {
      if (page > 0) {
        page--;
      } else if (!history.isEmpty()) {
        Frame previous = history.pop();
        step = previous.step();
        page = previous.page();
      } else {
        return invalid();
      }
      return null;
    }
    switch (step) {
      case DESCRIPTION -> {
        if (answer.length() < MIN_DESCRIPTION || answer.length() > MAX_DESCRIPTION) {
          return end("feedback.ussd.description.invalid");
        }
        description = answer;
        advance(Step.CONFIRM);
        return null;
      }
      case REFERENCE -> {
        return new Status(language, answer);
      }
      default -> {
        List<Option> options = options();
        List<List<Integer>> pages = pages(options);
        if (MORE.equals(answer) && page + 1 < pages.size()) {
          page++;
          return null;
        }
        int chosen = number(answer);
        if (chosen < 1 || !pages.get(page).contains(chosen - 1)) {
          return invalid();
        }
        return choose(options.get(chosen - 1), chosen);
      }
    }
  }

  private Outcome choose(Option option, int number) {
    switch (step) {
      case LANGUAGE -> {
        language = number == 2 ? SWAHILI : Locale.ENGLISH;
        advance(Step.MAIN);
      }
      case MAIN -> {
        if (number == 2) {
          advance(Step.REFERENCE);
        } else {
          advance(fixedCounty == null ? Step.COUNTY : Step.AREA);
        }
      }
      case COUNTY -> {
        county = option.id();
        advance(Step.AREA);
      }
      case AREA -> {
        area = option.id();
        areaLabel = option.label();
        advance(Step.SUB_COUNTY);
      }
      case SUB_COUNTY -> {
        subCounty = option.id();
        advance(Step.WARD);
      }
      case WARD -> {
        ward = option.id();
        wardLabel = option.label();
        advance(Step.DESCRIPTION);
      }
      case CONFIRM -> {
        return number == 1
            ? new File(language, county, area, ward, description)
            : end("feedback.ussd.cancelled");
      }
      default -> throw new IllegalStateException(step.name());
    }
    return null;
  }

  private void advance(Step next) {
    history.push(new Frame(step, page));
    step = next;
    page = 0;
  }

  /** The screen of the current question and page. */
  private Screen screen() {
    return switch (step) {
      case DESCRIPTION -> con(t("feedback.ussd.description") + "\n" + back());
      case REFERENCE -> con(t("feedback.ussd.reference") + "\n" + back());
      default -> {
        List<Option> options = options();
        List<List<Integer>> pages = pages(options);
        StringBuilder screen = new StringBuilder(header());
        for (int index : pages.get(page)) {
          screen.append('\n').append(line(index, options.get(index)));
        }
        if (page + 1 < pages.size()) {
          screen.append('\n').append(MORE).append(". ").append(t("feedback.ussd.more"));
        }
        if (step != Step.LANGUAGE) {
          screen.append('\n').append(back());
        }
        yield con(screen.toString());
      }
    };
  }

  private String header() {
    return switch (step) {
      case LANGUAGE -> messages.apply("feedback.ussd.welcome", Locale.ENGLISH);
      case MAIN -> t("feedback.ussd.main");
      case COUNTY -> t("feedback.ussd.county");
      case AREA -> t("feedback.ussd.area");
      case SUB_COUNTY -> t("feedback.ussd.sub-county");
      case WARD -> t("feedback.ussd.ward");
      case CONFIRM -> confirmation();
      default -> throw new IllegalStateException(step.name());
    };
  }

  /** "Send? Water, Mitaboni: no water for 5 days…", cut to leave room for the choices. */
  private String confirmation() {
    String lead = t("feedback.ussd.confirm") + "\n" + areaLabel + ", " + wardLabel + ": ";
    int room =
        MAX_SCREEN
            - "CON ".length()
            - lead.length()
            - options().stream().mapToInt(o -> o.label().length() + 4).sum()
            - back().length()
            - 1;
    String text = description.length() <= room ? description : cut(description, room);
    return lead + text;
  }

  private List<Option> options() {
    String key = step + "|" + county + "|" + subCounty + "|" + language;
    return lists.computeIfAbsent(key, k -> list());
  }

  private List<Option> list() {
    return switch (step) {
      case LANGUAGE -> List.of(new Option("en", "English"), new Option("sw", "Kiswahili"));
      case MAIN ->
          List.of(
              new Option("report", t("feedback.ussd.report")),
              new Option("status", t("feedback.ussd.status")));
      case COUNTY -> catalogue.counties();
      case AREA -> catalogue.areas(county, language);
      case SUB_COUNTY -> catalogue.subCounties(county);
      case WARD -> catalogue.wards(subCounty);
      case CONFIRM ->
          List.of(
              new Option("send", t("feedback.ussd.send")),
              new Option("cancel", t("feedback.ussd.cancel")));
      default -> List.of();
    };
  }

  /**
   * The options split into pages, greedily, each page fitting one screen with the header and room
   * for "more" and "back".
   */
  private List<List<Integer>> pages(List<Option> options) {
    int room =
        MAX_SCREEN
            - "CON ".length()
            - header().length()
            - (MORE.length() + 2 + t("feedback.ussd.more").length() + 1)
            - (back().length() + 1);
    List<List<Integer>> pages = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    int used = 0;
    for (int i = 0; i < options.size(); i++) {
      int length = line(i, options.get(i)).length() + 1;
      if (!current.isEmpty() && used + length > room) {
        pages.add(current);
        current = new ArrayList<>();
        used = 0;
      }
      current.add(i);
      used += length;
    }
    pages.add(current);
    return pages;
  }

  private static String line(int index, Option option) {
    String line = (index + 1) + ". " + option.label();
    return line.length() <= 40 ? line : cut(line, 40);
  }

  private String back() {
    return BACK + ". " + t("feedback.ussd.back");
  }

  private Screen con(String text) {
    return new Screen(false, text);
  }

  private Screen end(String key) {
    return new Screen(true, t(key));
  }

  /** An answer that fits no question: the session ends, in both languages until one is chosen. */
  private Screen invalid() {
    if (language == null) {
      return new Screen(
          true,
          messages.apply("feedback.ussd.invalid", SWAHILI)
              + "\n"
              + messages.apply("feedback.ussd.invalid", Locale.ENGLISH));
    }
    return end("feedback.ussd.invalid");
  }

  private String t(String key) {
    return messages.apply(key, language == null ? Locale.ENGLISH : language);
  }

  private static int number(String answer) {
    return answer.matches("[0-9]{1,3}") ? Integer.parseInt(answer) : -1;
  }

  private static String cut(String text, int length) {
    return length <= 3 ? "" : text.substring(0, length - 3).strip() + "...";
  }
}
