package ke.baraza.meetings.web;

import jakarta.servlet.http.HttpServletRequest;
import ke.baraza.meetings.internal.ActionItemService;
import ke.baraza.meetings.internal.ActionItemService.ActionTracker;
import ke.baraza.meetings.internal.ActionItemStatus;
import ke.baraza.platform.PageContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A body's action tracker: its action items across meetings, with filters. */
@Controller
class ActionTrackerPages {

  private final ActionItemService actions;

  ActionTrackerPages(ActionItemService actions) {
    this.actions = actions;
  }

  @GetMapping("/bodies/{id}/actions")
  String tracker(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String owner,
      Model model,
      HttpServletRequest request) {
    ActionTracker tracker = actions.tracker(id, status, owner);
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, tracker.body().countyCode());
    model.addAttribute("tracker", tracker);
    model.addAttribute("statuses", ActionItemStatus.values());
    model.addAttribute("status", status);
    model.addAttribute("owner", owner);
    return "meetings/actions";
  }
}
