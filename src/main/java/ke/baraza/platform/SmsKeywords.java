package ke.baraza.platform;

import java.util.List;

/**
 * SMS keywords answered by modules other than the one that receives the gateway's messages. The
 * feedback module receives every inbound SMS; a message whose first word an {@link
 * InboundSmsHandler} accepts goes to that handler, before feedback's own service-area keywords (so
 * a service area with the same keyword is shadowed). Handlers are Spring beans.
 */
public final class SmsKeywords {

  private SmsKeywords() {}

  /** A module's handling of some SMS keywords. */
  public interface InboundSmsHandler {

    /**
     * Whether this handler answers the keyword.
     *
     * @param keyword the message's first word, punctuation removed, in any case; never null
     */
    boolean accepts(String keyword);

    /**
     * Handles one message: records what it says (once per {@link InboundSms#messageId()}, however
     * often the gateway retries) and replies through {@link InboundSms#reply}. Bad content gets a
     * reply, never an exception.
     */
    void handle(InboundSms sms);
  }

  /**
   * One inbound SMS, checked by the receiver.
   *
   * @param phone the sender's Kenyan number, E.164
   * @param messageId the gateway's id of the message (a retry carries the same id), at most 100
   *     characters of {@code [A-Za-z0-9._:-]}
   * @param countyCode the county the number it was sent to belongs to, or null when that number
   *     serves every county
   * @param keyword the first word, punctuation removed, as typed
   * @param words the words after the keyword, possibly none
   * @param receiver the receiving channel's ward matching and replies
   */
  public record InboundSms(
      String phone,
      String messageId,
      String countyCode,
      String keyword,
      List<String> words,
      Receiver receiver) {

    public InboundSms {
      words = List.copyOf(words);
    }

    /** The ward named by the first of {@code words}; see {@link Receiver#ward}. */
    public WardMatch ward(List<String> words, String countyCode) {
      return receiver.ward(words, countyCode);
    }

    /** Replies to the sender (limited per number against forged messages; never throws). */
    public void reply(String text) {
      receiver.reply(phone, text);
    }
  }

  /** What the channel that received a message does for its handler. */
  public interface Receiver {

    /**
     * The ward named by the first words (up to five) of {@code words}, matched as complaints by SMS
     * are: a whole ward name, one part of a name written with a slash, or the first words of
     * exactly one ward's name; case, accents and punctuation ignored.
     *
     * @param countyCode the county to look in, or null for all of Kenya
     */
    WardMatch ward(List<String> words, String countyCode);

    /** Sends {@code text} by SMS to {@code phone}, unless the number had too many replies. */
    void reply(String phone, String text);
  }

  /** A ward as SMS handlers see it. */
  public record SmsWard(String code, String name, String countyCode) {}

  /**
   * The wards that answer to the first {@code words} words: one (found), several (ambiguous) or
   * none.
   */
  public record WardMatch(List<SmsWard> wards, int words) {

    public WardMatch {
      wards = List.copyOf(wards);
    }

    /** The one ward named, or null when none or several answer. */
    public SmsWard found() {
      return wards.size() == 1 ? wards.get(0) : null;
    }
  }
}
