package ke.baraza.meetings;

import static ke.baraza.directory.PeopleFixtures.admit;
import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static ke.baraza.meetings.MeetingFixtures.form;
import static ke.baraza.meetings.MeetingFixtures.meeting;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.directory.PeopleFixtures;
import ke.baraza.meetings.internal.InvitationMailer;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders reach invitees by SMS too, in their language, once, with a link that answers the
 * invitation: people with a phone but no e-mail are reminded at all.
 */
@BarazaIntegrationTest
class SmsRemindersIT {

  @Autowired JdbcClient jdbc;
  @Autowired InvitationMailer mailer;

  @Test
  void inviteesWithAPhoneGetOneReminderBySmsInTheirLanguage() {
    Browser official = staff(jdbc, "sms-reminder-official", "COUNTY_OFFICIAL", "016");
    String network = body(official, "016", "Yatta Reminder Network " + n());
    String member = organisation(official, "016", "Ikombe Farmers " + n(), null);
    admit(official, network, member);
    String swPhone = phone();
    String enPhone = phone();
    String phoneOnly =
        PeopleFixtures.person(
            official,
            member,
            Map.of("name", "Mutheu Kyalo " + n(), "phone", local(swPhone), "language", "sw"));
    String both =
        PeopleFixtures.person(
            official,
            member,
            Map.of(
                "name",
                "Paul Nzau " + n(),
                "phone",
                local(enPhone),
                "email",
                "paul" + n() + "@example.org",
                "language",
                "en"));
    String title = "Reminded by SMS " + n();
    String id = meeting(official, network, form(title, "2031-10-10"));
    for (String person : List.of(phoneOnly, both)) {
      official.get("/meetings/" + id);
      official.post("/meetings/" + id + "/invitations", Map.of("person", person));
    }
    mailer.sendDue();
    assertThat(Outbox.smsTo(swPhone)).as("invitations go by e-mail only").isEmpty();

    ZonedDateTime start = ZonedDateTime.now(ZoneId.of("Africa/Nairobi")).plusHours(3);
    jdbc.sql(
            "update invitation set mailed_at = ? where meeting_id = (select id from meeting"
                + " where public_id = ?)")
        .params(start.minusDays(10).toOffsetDateTime(), id)
        .update();
    jdbc.sql("update meeting set starts_at = ?, ends_at = ? where public_id = ?")
        .params(start.toOffsetDateTime(), start.plusHours(2).toOffsetDateTime(), id)
        .update();
    mailer.sendDue();
    mailer.sendDue();

    List<String> kiswahili = Outbox.smsTo(swPhone);
    assertThat(kiswahili).hasSize(1);
    assertThat(kiswahili.getFirst())
        .contains("Kumbusho: " + title, "Masinga Sub-County Hall", "Utahudhuria?");
    List<String> english = Outbox.smsTo(enPhone);
    assertThat(english).hasSize(1);
    assertThat(english.getFirst()).contains("Reminder: " + title, "Will you come?");

    Matcher link = Pattern.compile("/rsvp/[^\\s?]+\\?lang=sw").matcher(kiswahili.getFirst());
    assertThat(link.find()).isTrue();
    assertThat(new Browser().get(link.group()).body()).contains(title);
  }

  private static String phone() {
    return "+2547" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  }

  private static String local(String e164) {
    return "0" + e164.substring(4);
  }
}
