package ke.baraza.meetings.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import ke.baraza.geography.GeographyApi;
import ke.baraza.meetings.internal.AttendanceService;
import ke.baraza.meetings.internal.AttendanceService.Outcome;
import ke.baraza.meetings.internal.MeetingService;
import ke.baraza.meetings.internal.MeetingService.MeetingPage;
import ke.baraza.meetings.internal.RegisterImport;
import ke.baraza.meetings.internal.WalkInForm;
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

/** The attendance register at the door: known people, walk-ins, removal, closing the meeting. */
@Controller
class AttendancePages {

  private final AttendanceService attendance;
  private final MeetingService meetings;
  private final RegisterImport imports;
  private final GeographyApi geography;

  AttendancePages(
      AttendanceService attendance,
      MeetingService meetings,
      RegisterImport imports,
      GeographyApi geography) {
    this.attendance = attendance;
    this.imports = imports;
    this.meetings = meetings;
    this.geography = geography;
  }

  @GetMapping("/meetings/{id}/attendance")
  String register(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String q,
      Model model,
      HttpServletRequest request) {
    show(model, request, attendance.register(id), q, WalkInForm.empty(), Map.of());
    return "meetings/attendance";
  }

  @PostMapping("/meetings/{id}/attendance/people")
  String signInPerson(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String person,
      @RequestParam(defaultValue = "") String q,
      RedirectAttributes redirect) {
    Outcome outcome = attendance.signInPerson(id, person);
    redirect.addFlashAttribute("notice", notice(outcome));
    redirect.addAttribute("q", q);
    return "redirect:/meetings/" + id + "/attendance";
  }

  @PostMapping("/meetings/{id}/attendance/walk-ins")
  String signInWalkIn(
      @PathVariable String id,
      WalkInForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute("notice", notice(attendance.signInWalkIn(id, form)));
      return "redirect:/meetings/" + id + "/attendance";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, request, attendance.register(id), "", form, invalid.fieldErrors());
      return "meetings/attendance";
    }
  }

  @PostMapping("/meetings/{id}/attendance/{entry}/remove")
  String remove(@PathVariable String id, @PathVariable String entry, RedirectAttributes redirect) {
    attendance.remove(id, entry);
    redirect.addFlashAttribute("notice", "attendance.removed");
    return "redirect:/meetings/" + id + "/attendance#register";
  }

  @PostMapping("/meetings/{id}/close")
  String close(@PathVariable String id, RedirectAttributes redirect) {
    meetings.close(id);
    redirect.addFlashAttribute("notice", "meeting.closed");
    return "redirect:/meetings/" + id;
  }

  private static String notice(Outcome outcome) {
    return outcome == Outcome.SIGNED_IN ? "attendance.signed-in" : "attendance.already";
  }

  private void show(
      Model model,
      HttpServletRequest request,
      MeetingPage page,
      String q,
      WalkInForm form,
      Map<String, String> errors) {
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, page.meeting().countyCode());
    model.addAttribute("page", page);
    model.addAttribute("q", q);
    model.addAttribute("matches", attendance.search(page, q));
    model.addAttribute("organisations", attendance.organisations(page));
    model.addAttribute("attendees", attendance.attendees(page.meeting()));
    model.addAttribute("figures", attendance.figures(page.meeting()));
    model.addAttribute("imports", imports.history(page.meeting()));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute(
        "wards",
        geography
            .wards(page.meeting().countyCode(), new PageRequest(0, PageRequest.MAX_SIZE))
            .items());
  }
}
