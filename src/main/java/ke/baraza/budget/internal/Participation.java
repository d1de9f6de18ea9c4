package ke.baraza.budget.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ke.baraza.budget.DocumentStatus;
import ke.baraza.budget.FiscalYear;
import ke.baraza.budget.Milestone;
import ke.baraza.budget.ViewChannel;
import ke.baraza.directory.Demographics.AgeBand;
import ke.baraza.directory.Demographics.Gender;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.meetings.MeetingsApi;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.Contacts;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.FileKind;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.StoredFile;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public participation on a budget document: its window (open and close dates), the programmes
 * views may be about, forums per ward, and the views themselves from the web, paper forms at a
 * forum and organisations' memoranda. A view outside its window, or naming a ward or programme the
 * window does not know, is refused with nothing stored.
 */
@Service
public class Participation {

  static final int MAX_TEXT = 4000;

  private final JdbcClient jdbc;
  private final BudgetCalendar calendar;
  private final BudgetPermissions permissions;
  private final GeographyApi geography;
  private final MeetingsApi meetings;
  private final FileStore files;
  private final AuditLog audit;
  private final Clock clock;

  Participation(
      JdbcClient jdbc,
      BudgetCalendar calendar,
      BudgetPermissions permissions,
      GeographyApi geography,
      MeetingsApi meetings,
      FileStore files,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.permissions = permissions;
    this.geography = geography;
    this.meetings = meetings;
    this.files = files;
    this.audit = audit;
    this.clock = clock;
  }

  /** A participation window. */
  public record Window(
      long id,
      String publicId,
      String countyCode,
      FiscalYear year,
      String milestoneCode,
      LocalDate opensOn,
      LocalDate closesOn,
      Instant reportPublishedAt) {

    /** Whether views may be sent on {@code day}. */
    public boolean openOn(LocalDate day) {
      return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    public boolean reportPublished() {
      return reportPublishedAt != null;
    }

    public String milestoneKey() {
      return "budget.milestone." + milestoneCode.toLowerCase(Locale.ROOT);
    }
  }

  public record Programme(String publicId, String name) {}

  public record Forum(
      String publicId,
      String wardCode,
      String wardName,
      LocalDate heldOn,
      String meetingRef,
      String venue,
      Integer attendance) {}

  /** The officer's form that opens a document for views: dates and programmes, one a line. */
  public record OpenWindow(String opensOn, String closesOn, String programmes) {}

  public record ForumForm(
      String ward, String heldOn, String meeting, String venue, String attendance) {}

  /**
   * A view as typed, on the web or from a paper form; {@code forum} only from paper, {@code
   * language} only from paper (the web takes the page's), {@code submission} a random token of the
   * form so that a double click records one view.
   */
  public record ViewForm(
      String forum,
      String ward,
      String programme,
      String body,
      String contact,
      String language,
      String gender,
      String ageBand,
      String disability,
      String consent,
      String submission) {}

  /**
   * Opens a document for public participation: county staff only, while the document is at most
   * drafted; moves it to open for participation.
   *
   * @return the window's public id
   * @throws UserError 403 for anyone but the county's staff; 400 for bad dates, a programme name
   *     over 200 characters or a document past drafting; 409 when the document has a window
   */
  @Transactional
  public String open(String countyCode, FiscalYear year, String code, OpenWindow form) {
    SignedInUser user = permissions.requireCountyStaff(countyCode);
    Milestone milestone = calendar.milestone(countyCode, year, code);
    if (milestone.participationId() != null) {
      throw UserError.conflict("budget.window.exists");
    }
    if (milestone.status() != null && milestone.status() != DocumentStatus.DRAFTED) {
      throw UserError.badRequest("budget.window.too-late");
    }
    LocalDate opens = date(form.opensOn(), "budget.window.dates-invalid");
    LocalDate closes = date(form.closesOn(), "budget.window.dates-invalid");
    if (closes.isBefore(opens)) {
      throw UserError.badRequest("budget.window.close-before-open");
    }
    Set<String> programmes = new LinkedHashSet<>();
    for (String line : (form.programmes() == null ? "" : form.programmes()).split("\\R")) {
      String name = line.strip();
      if (name.length() > 200) {
        throw UserError.badRequest("budget.programme.too-long");
      }
      if (!name.isEmpty()) {
        programmes.add(name);
      }
    }
    long milestoneId = calendar.lockRow(countyCode, year, code);
    String publicId = PublicId.next();
    jdbc.sql(
            "insert into budget_window (public_id, milestone_id, opens_on, closes_on, created_by,"
                + " created_at) values (?, ?, ?, ?, ?, ?)")
        .params(publicId, milestoneId, opens, closes, user.publicId(), now())
        .update();
    long windowId =
        jdbc.sql("select id from budget_window where public_id = ?")
            .param(publicId)
            .query(Long.class)
            .single();
    for (String name : programmes) {
      jdbc.sql("insert into budget_programme (public_id, window_id, name) values (?, ?, ?)")
          .params(PublicId.next(), windowId, name)
          .update();
    }
    jdbc.sql(
            "update budget_milestone set status = ?, updated_at = ?, version = version + 1"
                + " where id = ?")
        .params(DocumentStatus.OPEN_FOR_PARTICIPATION.name(), now(), milestoneId)
        .update();
    audit.record(user.publicId(), "budget:participation-opened", publicId, countyCode);
    return publicId;
  }

  /**
   * A window by its public id.
   *
   * @throws UserError 404 when there is none
   */
  @Transactional(readOnly = true)
  public Window window(String publicId) {
    return jdbc.sql(
            """
            select w.id, w.public_id, m.county_code, m.fiscal_year, m.code, w.opens_on,
                   w.closes_on, w.report_published_at
            from budget_window w join budget_milestone m on m.id = w.milestone_id
            where w.public_id = ?
            """)
        .param(publicId == null ? "" : publicId)
        .query(
            (rs, n) ->
                new Window(
                    rs.getLong("id"),
                    rs.getString("public_id"),
                    rs.getString("county_code"),
                    new FiscalYear(rs.getInt("fiscal_year")),
                    rs.getString("code"),
                    rs.getObject("opens_on", LocalDate.class),
                    rs.getObject("closes_on", LocalDate.class),
                    instant(rs.getObject("report_published_at", OffsetDateTime.class))))
        .optional()
        .orElseThrow(() -> UserError.notFound("budget.window.unknown"));
  }

  /** The window's programmes, by name. */
  @Transactional(readOnly = true)
  public List<Programme> programmes(Window window) {
    return jdbc.sql(
            "select public_id, name from budget_programme where window_id = ? order by name")
        .param(window.id())
        .query(Programme.class)
        .list();
  }

  /** The window's forums, by date, with their wards' names (two queries). */
  @Transactional(readOnly = true)
  public List<Forum> forums(Window window) {
    List<Forum> rows =
        jdbc.sql(
                "select public_id, ward_code, held_on, meeting_ref, venue, attendance"
                    + " from budget_forum where window_id = ? order by held_on, id")
            .param(window.id())
            .query(
                (rs, n) ->
                    new Forum(
                        rs.getString("public_id"),
                        rs.getString("ward_code"),
                        null,
                        rs.getObject("held_on", LocalDate.class),
                        rs.getString("meeting_ref"),
                        rs.getString("venue"),
                        (Integer) rs.getObject("attendance", Integer.class)))
            .list();
    Map<String, Ward> wards = geography.wards(rows.stream().map(Forum::wardCode).toList());
    return rows.stream()
        .map(
            f ->
                new Forum(
                    f.publicId(),
                    f.wardCode(),
                    wards.containsKey(f.wardCode()) ? wards.get(f.wardCode()).name() : f.wardCode(),
                    f.heldOn(),
                    f.meetingRef(),
                    f.venue(),
                    f.attendance()))
        .toList();
  }

  /**
   * Adds a forum in one of the county's wards, on a day within the window, linked to a public
   * meeting when {@code meeting} names one.
   *
   * @throws UserError 403 for anyone but the county's staff; 400 for an unknown ward or meeting, a
   *     day outside the window or a negative attendance
   */
  @Transactional
  public void addForum(String windowId, ForumForm form) {
    Window window = window(windowId);
    SignedInUser user = permissions.requireCountyStaff(window.countyCode());
    String ward = ward(window, form.ward());
    LocalDate day = date(form.heldOn(), "budget.forum.date-invalid");
    if (!window.openOn(day)) {
      throw UserError.badRequest("budget.forum.outside-window");
    }
    String meeting = blankToNull(form.meeting());
    if (meeting != null && meetings.publicMeeting(meeting).isEmpty()) {
      throw UserError.badRequest("budget.forum.meeting-unknown");
    }
    Integer attendance = null;
    if (blankToNull(form.attendance()) != null) {
      try {
        attendance = Integer.valueOf(form.attendance().strip());
      } catch (NumberFormatException e) {
        throw UserError.badRequest("budget.forum.attendance-invalid");
      }
      if (attendance < 0) {
        throw UserError.badRequest("budget.forum.attendance-invalid");
      }
    }
    String venue = blankToNull(form.venue());
    if (venue != null && venue.length() > 300) {
      throw UserError.badRequest("budget.text.too-long");
    }
    String publicId = PublicId.next();
    jdbc.sql(
            "insert into budget_forum (public_id, window_id, ward_code, held_on, meeting_ref,"
                + " venue, attendance) values (?, ?, ?, ?, ?, ?, ?)")
        .params(publicId, window.id(), ward, day, meeting, venue, attendance)
        .update();
    audit.record(user.publicId(), "budget:forum-added", publicId, window.countyCode());
  }

  /**
   * Records a view sent on the web by anyone, while the window is open; the language is the page's.
   *
   * @return the view's public id (the same for a repeated submission token)
   * @throws UserError 409 outside the window or after the report is out; 400 for an unknown ward or
   *     programme, an empty or too long text, a contact that is neither an e-mail address nor a
   *     Kenyan phone number, or demographics that are not on the lists
   */
  @Transactional
  public String submitOnline(String windowId, ViewForm form, Locale language) {
    Window window = window(windowId);
    if (window.reportPublished() || !window.openOn(calendar.today())) {
      throw UserError.conflict("budget.view.closed");
    }
    String ward = ward(window, form.ward());
    return insert(window, ViewChannel.WEB, ward, null, form, language, null, null, null);
  }

  /**
   * Records a view that a clerk copies from a paper form collected at one of the window's forums;
   * the ward is the forum's. Allowed after the close date (the forum was within it), until the
   * report is published.
   *
   * @throws UserError 403 for anyone but the county's staff; 400 for an unknown forum or programme
   *     or bad fields as for the web; 409 once the report is published
   */
  @Transactional
  public String submitFromPaper(String windowId, ViewForm form) {
    Window window = window(windowId);
    SignedInUser user = permissions.requireCountyStaff(window.countyCode());
    if (window.reportPublished()) {
      throw UserError.conflict("budget.view.closed");
    }
    record ForumRef(long id, String wardCode) {}
    ForumRef forum =
        jdbc.sql("select id, ward_code from budget_forum where public_id = ? and window_id = ?")
            .params(form.forum() == null ? "" : form.forum().strip(), window.id())
            .query(ForumRef.class)
            .optional()
            .orElseThrow(() -> UserError.badRequest("budget.view.forum-unknown"));
    Locale language = "sw".equals(form.language()) ? Locale.forLanguageTag("sw") : Locale.ENGLISH;
    return insert(
        window,
        ViewChannel.FORUM,
        forum.wardCode(),
        forum.id(),
        form,
        language,
        null,
        null,
        user.publicId());
  }

  /** A view received by SMS, and whether this call recorded it (false: an earlier one did). */
  public record SmsView(String publicId, boolean recorded) {}

  /**
   * Records a view sent by SMS while the window is open, with the sender's phone as its contact so
   * that they are told how it was considered; once per gateway message.
   *
   * @param wardCode one of the window's county's wards
   * @param phone the sender's number, E.164
   * @param submission the gateway message's key, at most 64 characters: a second call with it
   *     records nothing and answers the first view
   * @throws UserError 409 outside the window or after the report is out; 400 for a ward of another
   *     county or an empty or too long text
   */
  @Transactional
  public SmsView submitBySms(
      String windowId,
      String wardCode,
      String body,
      String phone,
      Locale language,
      String submission) {
    Window window = window(windowId);
    if (window.reportPublished() || !window.openOn(calendar.today())) {
      throw UserError.conflict("budget.view.closed");
    }
    String ward = ward(window, wardCode);
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      throw UserError.badRequest("budget.view.text-required");
    }
    if (text.length() > MAX_TEXT) {
      throw UserError.badRequest("budget.text.too-long");
    }
    String publicId = PublicId.next();
    int inserted =
        jdbc.sql(
                """
                insert into budget_view (public_id, window_id, channel, ward_code, body, contact,
                  language, submission, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(
                publicId,
                window.id(),
                ViewChannel.SMS.name(),
                ward,
                text,
                phone,
                "sw".equals(language.getLanguage()) ? "sw" : "en",
                submission,
                now())
            .update();
    if (inserted == 0) {
      return new SmsView(
          jdbc.sql("select public_id from budget_view where submission = ?")
              .param(submission)
              .query(String.class)
              .single(),
          false);
    }
    audit.record(null, "budget:view-sms", publicId, window.countyCode());
    return new SmsView(publicId, true);
  }

  /**
   * Records an organisation's memorandum: its name, a summary and the file (PDF or a scan), from
   * anyone signed in while the window is open.
   *
   * @throws UserError 409 outside the window; 400 without an organisation or summary; the file
   *     store's refusals (type, size) as they are
   */
  @Transactional
  public String submitMemorandum(
      String windowId,
      ViewForm form,
      String organisation,
      InputStream file,
      String fileName,
      Locale language)
      throws IOException {
    Window window = window(windowId);
    SignedInUser user = CurrentUser.get().orElseThrow(UserError::forbidden);
    if (window.reportPublished() || !window.openOn(calendar.today())) {
      throw UserError.conflict("budget.view.closed");
    }
    String name = blankToNull(organisation);
    if (name == null || name.length() > 200) {
      throw UserError.badRequest("budget.memorandum.organisation-required");
    }
    String ward = blankToNull(form.ward()) == null ? null : ward(window, form.ward());
    if (file == null) {
      throw UserError.badRequest("budget.memorandum.file-required");
    }
    StoredFile stored =
        files.store(file, fileName, Set.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG), "budget");
    return insert(
        window,
        ViewChannel.MEMORANDUM,
        ward,
        null,
        form,
        language,
        name,
        stored.publicId(),
        user.publicId());
  }

  /**
   * The stored file of a memorandum, for the county's staff.
   *
   * @throws UserError 403 for anyone else, 404 when there is none
   */
  @Transactional(readOnly = true)
  public StoredFile memorandumFile(String windowId, String viewId) {
    Window window = window(windowId);
    permissions.requireCountyStaff(window.countyCode());
    String ref =
        jdbc.sql("select file_ref from budget_view where public_id = ? and window_id = ?")
            .params(viewId, window.id())
            .query(String.class)
            .optional()
            .orElse(null);
    return files.find(ref).orElseThrow(() -> UserError.notFound("budget.view.unknown"));
  }

  private String insert(
      Window window,
      ViewChannel channel,
      String ward,
      Long forumId,
      ViewForm form,
      Locale language,
      String organisation,
      String fileRef,
      String enteredBy) {
    Long programme = programme(window, form.programme());
    String body = form.body() == null ? "" : form.body().strip();
    if (body.isEmpty()) {
      throw UserError.badRequest("budget.view.text-required");
    }
    if (body.length() > MAX_TEXT) {
      throw UserError.badRequest("budget.text.too-long");
    }
    String contact = null;
    if (blankToNull(form.contact()) != null) {
      contact =
          (Contacts.looksLikeEmail(form.contact())
                  ? Contacts.email(form.contact())
                  : Contacts.kenyanPhone(form.contact()))
              .orElseThrow(() -> UserError.badRequest("budget.view.contact-invalid"));
    }
    boolean consent = "yes".equals(form.consent()) || "on".equals(form.consent());
    Gender gender = consent ? pick(Gender.class, form.gender()) : null;
    AgeBand age = consent ? pick(AgeBand.class, form.ageBand()) : null;
    Boolean disability =
        consent && blankToNull(form.disability()) != null
            ? Boolean.valueOf("yes".equals(form.disability()))
            : null;
    boolean told = gender != null || age != null || disability != null;
    String submission = blankToNull(form.submission());
    if (submission != null && submission.length() > 64) {
      submission = submission.substring(0, 64);
    }
    String publicId = PublicId.next();
    int inserted =
        jdbc.sql(
                """
                insert into budget_view (public_id, window_id, channel, ward_code, programme_id,
                  forum_id, body, organisation, file_ref, contact, language, gender, age_band,
                  disability, consent_at, submission, entered_by, created_at)
                values (:id, :window, :channel, :ward, :programme, :forum, :body, :organisation,
                  :file, :contact, :language, :gender, :age, :disability, :consent, :submission,
                  :by, :now)
                on conflict do nothing
                """)
            .param("id", publicId)
            .param("window", window.id())
            .param("channel", channel.name())
            .param("ward", ward)
            .param("programme", programme)
            .param("forum", forumId)
            .param("body", body)
            .param("organisation", organisation)
            .param("file", fileRef)
            .param("contact", contact)
            .param("language", "sw".equals(language.getLanguage()) ? "sw" : "en")
            .param("gender", gender == null ? null : gender.name())
            .param("age", age == null ? null : age.name())
            .param("disability", disability)
            .param("consent", told ? now() : null)
            .param("submission", submission)
            .param("by", enteredBy)
            .param("now", now())
            .update();
    if (inserted == 0) {
      // the same form sent twice: the first view stands
      return jdbc.sql("select public_id from budget_view where submission = ?")
          .param(submission)
          .query(String.class)
          .single();
    }
    audit.record(
        enteredBy,
        "budget:view-" + channel.name().toLowerCase(Locale.ROOT),
        publicId,
        window.countyCode());
    return publicId;
  }

  private Long programme(Window window, String publicId) {
    if (blankToNull(publicId) == null) {
      return null;
    }
    return jdbc.sql("select id from budget_programme where public_id = ? and window_id = ?")
        .params(publicId.strip(), window.id())
        .query(Long.class)
        .optional()
        .orElseThrow(() -> UserError.badRequest("budget.view.programme-unknown"));
  }

  private String ward(Window window, String code) {
    return geography
        .ward(code == null ? "" : code.strip())
        .filter(w -> w.countyCode().equals(window.countyCode()))
        .map(Ward::code)
        .orElseThrow(() -> UserError.badRequest("budget.view.ward-unknown"));
  }

  private static <E extends Enum<E>> E pick(Class<E> type, String value) {
    if (blankToNull(value) == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value.strip())) {
        return e;
      }
    }
    throw new UserError(HttpStatus.BAD_REQUEST, "budget.view.demographics-invalid");
  }

  static LocalDate date(String value, String key) {
    try {
      return LocalDate.parse(value == null ? "" : value.strip());
    } catch (DateTimeParseException e) {
      throw UserError.badRequest(key);
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** The wards of a county, for the forms' lists (one page of up to 200, enough for any county). */
  public List<Ward> wards(String countyCode) {
    return new ArrayList<>(
        geography.wards(countyCode, new ke.baraza.shared.PageRequest(0, 200)).items());
  }
}
