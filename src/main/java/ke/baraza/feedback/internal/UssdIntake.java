package ke.baraza.feedback.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ke.baraza.feedback.Channel;
import ke.baraza.feedback.PublicCase;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.Contacts;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Complaints and status checks over USSD: runs {@link UssdMenu} on each request of a session and
 * files the case when the caller confirms, under the session id, so that a gateway repeating the
 * last request gets the same reference and no second case.
 */
@Service
public class UssdIntake {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneId.of("Africa/Nairobi"));

  private final ServiceAreaCatalogue areas;
  private final GeographyApi geography;
  private final GatewayCodes codes;
  private final Intake intake;
  private final Tracking tracking;
  private final MessageSource messages;

  UssdIntake(
      ServiceAreaCatalogue areas,
      GeographyApi geography,
      GatewayCodes codes,
      Intake intake,
      Tracking tracking,
      MessageSource messages) {
    this.areas = areas;
    this.geography = geography;
    this.codes = codes;
    this.intake = intake;
    this.tracking = tracking;
    this.messages = messages;
  }

  /**
   * The reply to one USSD request: {@code CON …} to ask the next question, {@code END …} to finish,
   * at most {@value UssdMenu#MAX_SCREEN} characters either way.
   *
   * @param sessionId the gateway's id of the session, the same on every request of it
   * @param serviceCode the code dialled, e.g. {@code *384*16#}
   * @param phoneNumber the caller's number
   * @param text every answer so far, separated by {@code *}
   * @throws UserError 400 when there is no session id or no caller number (a malformed callback)
   */
  public String answer(String sessionId, String serviceCode, String phoneNumber, String text) {
    String session = sessionId == null ? "" : sessionId.strip();
    if (!session.matches("[A-Za-z0-9._:-]{1,100}")
        || phoneNumber == null
        || phoneNumber.isBlank()) {
      throw UserError.badRequest("error.400");
    }
    UssdMenu menu =
        new UssdMenu(
            catalogue(),
            (key, language) -> messages.getMessage(key, null, language),
            codes.county(Channel.USSD, serviceCode).orElse(null));
    Optional<String> phone = Contacts.kenyanPhone(phoneNumber);
    if (phone.isEmpty()) {
      return "END "
          + messages.getMessage("feedback.ussd.phone", null, UssdMenu.SWAHILI)
          + "\n"
          + messages.getMessage("feedback.ussd.phone", null, Locale.ENGLISH);
    }
    return switch (menu.answer(text)) {
      case UssdMenu.Screen screen -> screen.body();
      case UssdMenu.File file -> file(file, session, phone.get());
      case UssdMenu.Status status -> status(status);
    };
  }

  private String file(UssdMenu.File file, String session, String phone) {
    Locale language = file.language();
    try {
      Filed filed =
          intake.file(
              new NewCase(
                  file.countyCode(),
                  file.area(),
                  file.wardCode(),
                  file.description(),
                  Channel.USSD,
                  language,
                  phone,
                  session,
                  List.of(),
                  null));
      return "END "
          + messages.getMessage("feedback.ussd.filed", new Object[] {filed.reference()}, language);
    } catch (IntakeLimited limited) {
      return "END " + messages.getMessage(limited.messageKey(), null, language);
    } catch (InvalidInput invalid) {
      return "END " + messages.getMessage("feedback.ussd.invalid", null, language);
    }
  }

  private String status(UssdMenu.Status status) {
    Locale language = status.language();
    return tracking
        .publicCase(status.reference())
        .map(
            found ->
                "END "
                    + messages.getMessage(
                        "feedback.ussd.status.found",
                        new Object[] {
                          found.reference(),
                          messages.getMessage(found.status().messageKey(), null, language),
                          DAY.withLocale(language).format(lastChange(found))
                        },
                        language))
        .orElseGet(
            () -> "END " + messages.getMessage("feedback.ussd.status.unknown", null, language));
  }

  private static java.time.Instant lastChange(PublicCase found) {
    return found.timeline().stream()
        .filter(e -> e.status() != null)
        .map(PublicCase.Entry::at)
        .reduce((first, second) -> second)
        .orElse(found.filedAt());
  }

  private UssdMenu.Catalogue catalogue() {
    return new UssdMenu.Catalogue() {
      @Override
      public List<UssdMenu.Option> counties() {
        return geography.counties().stream()
            .map(c -> new UssdMenu.Option(c.code(), c.name()))
            .toList();
      }

      @Override
      public List<UssdMenu.Option> areas(String countyCode, Locale language) {
        return UssdIntake.this.areas.active(countyCode).stream()
            .map(a -> new UssdMenu.Option(a.publicId(), a.name(language)))
            .toList();
      }

      @Override
      public List<UssdMenu.Option> subCounties(String countyCode) {
        return geography.subCounties(countyCode).stream()
            .map(s -> new UssdMenu.Option(s.code(), s.name()))
            .toList();
      }

      @Override
      public List<UssdMenu.Option> wards(String subCountyCode) {
        return geography.wardsOfSubCounty(subCountyCode).stream()
            .map(w -> new UssdMenu.Option(w.code(), w.name()))
            .toList();
      }
    };
  }
}
