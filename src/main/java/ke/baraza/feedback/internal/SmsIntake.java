package ke.baraza.feedback.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import ke.baraza.feedback.Channel;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.Contacts;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.SmsKeywords;
import ke.baraza.platform.UserError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Complaints by SMS: {@code KEYWORD WARD description}, e.g. {@code MAJI Kathiani ward no water for
 * 5 days}. The keyword (English or Kiswahili) names the service area and the language of the
 * replies; the ward is found by name ({@link WardNames}), in the county of the number the message
 * was sent to, or anywhere in Kenya when that number serves every county; the words after it (an
 * optional "ward" or "wadi" skipped) are the description. Every message gets a reply: the
 * acknowledgement with the reference, or what to fix. A keyword that another module's {@link
 * SmsKeywords.InboundSmsHandler} accepts (BAJETI, budget views) goes to that module first.
 */
@Service
public class SmsIntake {

  /**
   * One inbound message as Africa's Talking posts it.
   *
   * @param from the sender's number
   * @param to the short code or number it was sent to
   * @param id the gateway's id of the message: a retry carries the same id
   */
  public record Inbound(
      String from, String to, String text, String date, String id, String linkId) {}

  private final ServiceAreaCatalogue areas;
  private final WardNames wards;
  private final GatewayCodes codes;
  private final Intake intake;
  private final IntakeLimits limits;
  private final Acknowledgements replies;
  private final MessageSource messages;
  private final GeographyApi geography;
  private final ObjectProvider<SmsKeywords.InboundSmsHandler> handlers;
  private final SmsKeywords.Receiver receiver = new Receiver();

  SmsIntake(
      ServiceAreaCatalogue areas,
      WardNames wards,
      GatewayCodes codes,
      Intake intake,
      IntakeLimits limits,
      Acknowledgements replies,
      MessageSource messages,
      GeographyApi geography,
      ObjectProvider<SmsKeywords.InboundSmsHandler> handlers) {
    this.areas = areas;
    this.wards = wards;
    this.codes = codes;
    this.intake = intake;
    this.limits = limits;
    this.replies = replies;
    this.messages = messages;
    this.geography = geography;
    this.handlers = handlers;
  }

  /**
   * Files the message as a case, or replies with what to fix; a retried message files nothing and
   * sends nothing again.
   *
   * @return the case filed (or filed before, for a retry), or empty when the message could not be
   *     filed
   * @throws UserError 400 when the callback itself is malformed: no message id, or a sender that is
   *     not a Kenyan number; nothing is stored or sent then
   */
  public Optional<Filed> receive(Inbound message) {
    String phone = Contacts.kenyanPhone(message.from()).orElse(null);
    String id = message.id() == null ? "" : message.id().strip();
    if (phone == null || !id.matches("[A-Za-z0-9._:-]{1,100}")) {
      throw UserError.badRequest("error.400");
    }
    String text = message.text() == null ? "" : message.text().strip();
    List<String> words = Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    Optional<String> county = codes.county(Channel.SMS, message.to());
    if (!words.isEmpty()) {
      String keyword = keywordOf(words);
      Optional<SmsKeywords.InboundSmsHandler> handler =
          handlers.orderedStream().filter(h -> h.accepts(keyword)).findFirst();
      if (handler.isPresent()) {
        handler
            .get()
            .handle(
                new SmsKeywords.InboundSms(
                    phone,
                    id,
                    county.orElse(null),
                    keyword,
                    words.subList(1, words.size()),
                    receiver));
        return Optional.empty();
      }
    }
    if (words.size() < 2) {
      help(phone, county.orElse(null));
      return Optional.empty();
    }
    List<String> afterKeyword = words.subList(1, words.size());
    WardNames.Result ward = wards.match(afterKeyword, county.orElse(null));
    String countyCode = county.orElseGet(() -> countyOf(ward));
    Optional<ServiceAreaCatalogue.KeywordMatch> keyword =
        countyCode == null ? Optional.empty() : areas.byKeyword(countyCode, keywordOf(words));
    if (keyword.isEmpty()) {
      Optional<Locale> defaultKeyword =
          ServiceAreaCatalogue.defaultKeywordLanguage(keywordOf(words));
      if (countyCode == null && defaultKeyword.isPresent()) {
        reply(phone, defaultKeyword.get(), "feedback.sms.ward");
      } else {
        help(phone, countyCode);
      }
      return Optional.empty();
    }
    Locale language = keyword.get().language();
    if (ward instanceof WardNames.Ambiguous ambiguous) {
      reply(phone, language, "feedback.sms.ward-which", candidates(ambiguous, county.isEmpty()));
      return Optional.empty();
    }
    if (!(ward instanceof WardNames.Found found)) {
      reply(phone, language, "feedback.sms.ward");
      return Optional.empty();
    }
    List<String> rest = afterKeyword.subList(found.words(), afterKeyword.size());
    if (!rest.isEmpty() && List.of("ward", "wadi").contains(rest.get(0).toLowerCase(Locale.ROOT))) {
      rest = rest.subList(1, rest.size());
    }
    try {
      return Optional.of(
          intake.file(
              new NewCase(
                  countyCode,
                  keyword.get().area().publicId(),
                  found.ward().code(),
                  String.join(" ", rest),
                  Channel.SMS,
                  language,
                  phone,
                  id,
                  List.of(),
                  null)));
    } catch (InvalidInput invalid) {
      reply(phone, language, invalid.fieldErrors().values().iterator().next());
    } catch (IntakeLimited limited) {
      reply(phone, language, limited.messageKey());
    }
    return Optional.empty();
  }

  /**
   * The county of the ward named, or null. When several wards answer, the first one's county reads
   * the keyword (the reply then asks which ward, whichever county it is).
   */
  private static String countyOf(WardNames.Result ward) {
    return switch (ward) {
      case WardNames.Found f -> f.ward().countyCode();
      case WardNames.Ambiguous a -> a.wards().get(0).countyCode();
      case WardNames.NotFound n -> null;
    };
  }

  private String candidates(WardNames.Ambiguous ambiguous, boolean withCounty) {
    return ambiguous.wards().stream()
        .limit(6)
        .map(
            w ->
                withCounty
                    ? w.name()
                        + " ("
                        + geography.county(w.countyCode()).map(County::name).orElse("")
                        + ")"
                    : w.name())
        .collect(Collectors.joining(", "));
  }

  private static String keywordOf(List<String> words) {
    return words.get(0).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** How to write a complaint, in both languages, with the county's keywords. */
  private void help(String phone, String countyCode) {
    String keywords =
        countyCode == null
            ? ServiceAreaCatalogue.defaultKeywords()
            : ServiceAreaCatalogue.keywords(areas.active(countyCode));
    String text =
        messages.getMessage(
                "feedback.sms.help", new Object[] {keywords}, Locale.forLanguageTag("sw"))
            + "\n"
            + messages.getMessage("feedback.sms.help", new Object[] {keywords}, Locale.ENGLISH);
    if (limits.mayReply(phone)) {
      replies.sms(phone, text);
    }
  }

  private void reply(String phone, Locale language, String messageKey, Object... args) {
    if (limits.mayReply(phone)) {
      replies.sms(phone, messages.getMessage(messageKey, args, language));
    }
  }

  /** Ward matching and limited replies for other modules' keywords. */
  private final class Receiver implements SmsKeywords.Receiver {

    @Override
    public SmsKeywords.WardMatch ward(List<String> words, String countyCode) {
      return switch (wards.match(words, countyCode)) {
        case WardNames.Found f -> new SmsKeywords.WardMatch(List.of(smsWard(f.ward())), f.words());
        case WardNames.Ambiguous a ->
            new SmsKeywords.WardMatch(a.wards().stream().map(SmsIntake::smsWard).toList(), 0);
        case WardNames.NotFound n -> new SmsKeywords.WardMatch(List.of(), 0);
      };
    }

    @Override
    public void reply(String phone, String text) {
      if (limits.mayReply(phone)) {
        replies.sms(phone, text);
      }
    }
  }

  private static SmsKeywords.SmsWard smsWard(Ward ward) {
    return new SmsKeywords.SmsWard(ward.code(), ward.name(), ward.countyCode());
  }
}
