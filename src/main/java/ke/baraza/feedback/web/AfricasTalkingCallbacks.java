package ke.baraza.feedback.web;

import ke.baraza.feedback.internal.SmsIntake;
import ke.baraza.feedback.internal.UssdIntake;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The callbacks of the SMS and USSD gateway, in Africa's Talking's format (form-encoded POSTs). A
 * callback the gateway retries files no second case.
 */
@Controller
class AfricasTalkingCallbacks {

  private final SmsIntake sms;
  private final UssdIntake ussd;

  AfricasTalkingCallbacks(SmsIntake sms, UssdIntake ussd) {
    this.sms = sms;
    this.ussd = ussd;
  }

  /**
   * An incoming SMS: answered 200 once handled (filed, or replied to with what to fix), so that the
   * gateway does not retry; 400 for a callback without a message id or a Kenyan sender.
   */
  @PostMapping("/channels/africastalking/sms")
  ResponseEntity<Void> sms(
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String date,
      @RequestParam(defaultValue = "") String id,
      @RequestParam(defaultValue = "") String linkId) {
    sms.receive(new SmsIntake.Inbound(from, to, text, date, id, linkId));
    return ResponseEntity.ok().build();
  }

  /** One step of a USSD session: {@code CON …} or {@code END …} as plain text. */
  @PostMapping(value = "/channels/africastalking/ussd", produces = "text/plain;charset=UTF-8")
  @ResponseBody
  String ussd(
      @RequestParam(defaultValue = "") String sessionId,
      @RequestParam(defaultValue = "") String serviceCode,
      @RequestParam(defaultValue = "") String phoneNumber,
      @RequestParam(defaultValue = "") String text) {
    return ussd.answer(sessionId, serviceCode, phoneNumber, text);
  }
}
