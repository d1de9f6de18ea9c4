package ke.baraza.meetings.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.meetings.MeetingKind;
import ke.baraza.meetings.Recurrence;
import ke.baraza.meetings.Visibility;
import ke.baraza.meetings.internal.ActionItemService;
import ke.baraza.meetings.internal.AttendanceService;
import ke.baraza.meetings.internal.InvitationService;
import ke.baraza.meetings.internal.Meeting;
import ke.baraza.meetings.internal.MeetingForm;
import ke.baraza.meetings.internal.MeetingService;
import ke.baraza.meetings.internal.MeetingService.MeetingPage;
import ke.baraza.meetings.internal.MinutesService;
import ke.baraza.meetings.internal.Organiser;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.PageContext;
import ke.baraza.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A meeting's page, and scheduling, editing and cancelling, its agenda and its invitations. */
@Controller
class MeetingPages {

  private final MeetingService meetings;
  private final InvitationService invitations;
  private final GeographyApi geography;
  private final AttendanceService attendance;
  private final MinutesService minutes;
  private final ActionItemService actionItems;

  MeetingPages(
      MeetingService meetings,
      InvitationService invitations,
      GeographyApi geography,
      AttendanceService attendance,
      MinutesService minutes,
      ActionItemService actionItems) {
    this.meetings = meetings;
    this.minutes = minutes;
    this.actionItems = actionItems;
    this.invitations = invitations;
    this.attendance = attendance;
    this.geography = geography;
  }

  @GetMapping("/meetings/new")
  String newMeeting(
      @RequestParam(defaultValue = "") String organiser,
      @RequestParam(defaultValue = "") String county,
      Model model,
      HttpServletRequest request) {
    if (organiser.isBlank()) {
      County chosen = geography.county(county.strip()).orElse(null);
      model.addAttribute("counties", geography.counties());
      model.addAttribute("county", chosen);
      model.addAttribute(
          "bodies", chosen == null ? List.of() : meetings.bodiesToSchedule(chosen.code()));
      return "meetings/choose-organiser";
    }
    Organiser chosen = meetings.organiserToSchedule(organiser.strip());
    showForm(model, request, chosen, null, MeetingForm.blank(), Map.of());
    return "meetings/meeting-edit";
  }

  @PostMapping("/meetings")
  String create(
      @RequestParam(defaultValue = "") String organiser,
      MeetingForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      List<Meeting> made = meetings.create(organiser, form);
      redirect.addFlashAttribute(
          "notice", made.size() > 1 ? "meeting.created.series" : "meeting.created");
      redirect.addFlashAttribute("noticeArg", made.size());
      return "redirect:/meetings/" + made.get(0).publicId();
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      showForm(
          model,
          request,
          meetings.organiserToSchedule(organiser),
          null,
          form,
          invalid.fieldErrors());
      return "meetings/meeting-edit";
    }
  }

  @GetMapping("/meetings/{id}")
  String meeting(@PathVariable String id, Model model, HttpServletRequest request) {
    MeetingPage page = meetings.page(id);
    show(model, request, page, Map.of());
    return "meetings/meeting";
  }

  @GetMapping("/meetings/{id}/edit")
  String edit(@PathVariable String id, Model model, HttpServletRequest request) {
    MeetingPage page = meetings.forEditing(id);
    showForm(
        model, request, page.organiser(), page.meeting(), MeetingForm.of(page.meeting()), Map.of());
    return "meetings/meeting-edit";
  }

  @PostMapping("/meetings/{id}")
  String update(
      @PathVariable String id,
      @RequestParam(defaultValue = "-1") long version,
      MeetingForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      meetings.update(id, form, version);
      redirect.addFlashAttribute("notice", "meeting.saved");
      return "redirect:/meetings/" + id;
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      MeetingPage page = meetings.forEditing(id);
      showForm(model, request, page.organiser(), page.meeting(), form, invalid.fieldErrors());
      return "meetings/meeting-edit";
    }
  }

  @PostMapping("/meetings/{id}/cancel")
  String cancel(@PathVariable String id, RedirectAttributes redirect) {
    meetings.cancel(id);
    redirect.addFlashAttribute("notice", "meeting.cancelled");
    return "redirect:/meetings/" + id;
  }

  @PostMapping("/meetings/{id}/agenda")
  String addItem(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String item,
      @RequestParam(defaultValue = "") String presenter,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      meetings.addItem(id, item, presenter);
      return "redirect:/meetings/" + id + "#agenda";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, request, meetings.page(id), invalid.fieldErrors());
      model.addAttribute("itemValue", item);
      model.addAttribute("presenterValue", presenter);
      return "meetings/meeting";
    }
  }

  @PostMapping("/meetings/{id}/agenda/{item}/move")
  String moveItem(
      @PathVariable String id,
      @PathVariable String item,
      @RequestParam(defaultValue = "") String direction) {
    meetings.moveItem(id, item, !"down".equals(direction));
    return "redirect:/meetings/" + id + "#agenda";
  }

  @PostMapping("/meetings/{id}/agenda/{item}/remove")
  String removeItem(@PathVariable String id, @PathVariable String item) {
    meetings.removeItem(id, item);
    return "redirect:/meetings/" + id + "#agenda";
  }

  @PostMapping("/meetings/{id}/invitations")
  String invite(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String members,
      @RequestParam(name = "person", required = false) List<String> people,
      RedirectAttributes redirect) {
    int added =
        "yes".equals(members)
            ? invitations.inviteMembers(id)
            : invitations.invitePeople(id, people == null ? List.of() : people);
    redirect.addFlashAttribute("notice", "invitation.sent");
    redirect.addFlashAttribute("noticeArg", added);
    return "redirect:/meetings/" + id + "#invitations";
  }

  private void show(
      Model model, HttpServletRequest request, MeetingPage page, Map<String, String> errors) {
    Meeting m = page.meeting();
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, m.countyCode());
    model.addAttribute("page", page);
    model.addAttribute("place", place(m));
    model.addAttribute("errors", errors);
    model.addAttribute("figures", attendance.figures(m));
    model.addAttribute("minutesStatus", minutes.statusFor(page).orElse(null));
    model.addAttribute("arising", actionItems.mattersArising(page));
    if (page.manage()) {
      model.addAttribute("invitees", invitations.invitees(m));
      model.addAttribute("candidates", invitations.candidates(m, page.organiser()));
    }
  }

  private void showForm(
      Model model,
      HttpServletRequest request,
      Organiser organiser,
      Meeting meeting,
      MeetingForm form,
      Map<String, String> errors) {
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, organiser.countyCode());
    model.addAttribute("organiser", organiser);
    model.addAttribute("meeting", meeting);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("kinds", MeetingKind.values());
    model.addAttribute("visibilities", Visibility.values());
    model.addAttribute("recurrences", Recurrence.values());
    model.addAttribute("maxOccurrences", MeetingService.MAX_OCCURRENCES);
    model.addAttribute("subCounties", geography.subCounties(organiser.countyCode()));
    model.addAttribute(
        "wards",
        geography.wards(organiser.countyCode(), new PageRequest(0, PageRequest.MAX_SIZE)).items());
  }

  private MeetingPlace place(Meeting m) {
    String county = geography.county(m.countyCode()).map(County::name).orElse(m.countyCode());
    if (m.wardCode() != null) {
      Ward w = geography.ward(m.wardCode()).orElse(null);
      if (w != null) {
        return new MeetingPlace(w.name(), w.subCountyName(), county);
      }
    }
    String sub =
        m.subCountyCode() == null
            ? null
            : geography.subCounties(m.countyCode()).stream()
                .filter(s -> s.code().equals(m.subCountyCode()))
                .map(s -> s.name())
                .findFirst()
                .orElse(null);
    return new MeetingPlace(null, sub, county);
  }
}
