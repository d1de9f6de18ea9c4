package ke.baraza.meetings.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import ke.baraza.meetings.internal.ActionItemForm;
import ke.baraza.meetings.internal.ActionItemService;
import ke.baraza.meetings.internal.MinutesService;
import ke.baraza.meetings.internal.MinutesService.Minutes;
import ke.baraza.platform.FileRejected;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.PageContext;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A meeting's minutes: reading them, writing the draft (with attachments), approving, publishing
 * and reopening, and its decisions and action items.
 */
@Controller
class MinutesPages {

  private final MinutesService minutes;
  private final ActionItemService actions;
  private final FileStore files;

  MinutesPages(MinutesService minutes, ActionItemService actions, FileStore files) {
    this.minutes = minutes;
    this.actions = actions;
    this.files = files;
  }

  @GetMapping("/meetings/{id}/minutes")
  String minutes(@PathVariable String id, Model model, HttpServletRequest request) {
    show(model, request, minutes.minutes(id), Map.of(), null, null, ActionItemForm.blank());
    return "meetings/minutes";
  }

  /**
   * Saves the draft's texts, then keeps the attached file if one was chosen: a file refused (empty,
   * too large, not a PDF, JPEG or PNG by its content) is reported on the page with the text saved.
   */
  @PostMapping("/meetings/{id}/minutes")
  String save(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String textEn,
      @RequestParam(defaultValue = "") String textSw,
      @RequestParam(defaultValue = "0") long version,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    boolean withFile = file != null && !file.isEmpty();
    boolean withText = !textEn.isBlank() || !textSw.isBlank();
    try {
      if (withText || !withFile) {
        minutes.save(id, textEn, textSw, version);
      }
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, request, minutes.minutes(id), invalid.fieldErrors(), textEn, textSw, null);
      return "meetings/minutes";
    }
    if (withFile) {
      try (InputStream in = file.getInputStream()) {
        minutes.attach(id, in, file.getOriginalFilename());
      } catch (FileRejected rejected) {
        response.setStatus(rejected.status().value());
        model.addAttribute("fileError", rejected.messageKey());
        model.addAttribute("fileErrorArg", rejected.args().length > 0 ? rejected.args()[0] : null);
        show(model, request, minutes.minutes(id), Map.of(), null, null, ActionItemForm.blank());
        return "meetings/minutes";
      }
    }
    redirect.addFlashAttribute("notice", "minutes.saved");
    return "redirect:/meetings/" + id + "/minutes";
  }

  @PostMapping("/meetings/{id}/minutes/approve")
  String approve(@PathVariable String id, RedirectAttributes redirect) {
    minutes.approve(id);
    redirect.addFlashAttribute("notice", "minutes.approved");
    return "redirect:/meetings/" + id + "/minutes";
  }

  @PostMapping("/meetings/{id}/minutes/publish")
  String publish(@PathVariable String id, RedirectAttributes redirect) {
    minutes.publish(id);
    redirect.addFlashAttribute("notice", "minutes.published");
    return "redirect:/meetings/" + id + "/minutes";
  }

  @PostMapping("/meetings/{id}/minutes/reopen")
  String reopen(@PathVariable String id, RedirectAttributes redirect) {
    minutes.reopen(id);
    redirect.addFlashAttribute("notice", "minutes.reopened");
    return "redirect:/meetings/" + id + "/minutes";
  }

  @GetMapping("/meetings/{id}/minutes/attachments/{file}")
  ResponseEntity<Resource> attachment(@PathVariable String id, @PathVariable String file)
      throws IOException {
    return files.download(minutes.file(id, file));
  }

  @PostMapping("/meetings/{id}/minutes/attachments/{file}/remove")
  String removeAttachment(
      @PathVariable String id, @PathVariable String file, RedirectAttributes redirect) {
    minutes.removeAttachment(id, file);
    redirect.addFlashAttribute("notice", "minutes.attachment.removed");
    return "redirect:/meetings/" + id + "/minutes#attachments";
  }

  @PostMapping("/meetings/{id}/actions")
  String addItem(
      @PathVariable String id,
      ActionItemForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      actions.add(id, form);
      return "redirect:/meetings/" + id + "/minutes#actions";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, request, minutes.minutes(id), invalid.fieldErrors(), null, null, form);
      return "meetings/minutes";
    }
  }

  @PostMapping("/meetings/{id}/actions/{item}/remove")
  String removeItem(@PathVariable String id, @PathVariable String item) {
    actions.remove(id, item);
    return "redirect:/meetings/" + id + "/minutes#actions";
  }

  /** A new status from the minutes page or, with {@code from=tracker}, the body's tracker. */
  @PostMapping("/meetings/{id}/actions/{item}/status")
  String status(
      @PathVariable String id,
      @PathVariable String item,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String from,
      RedirectAttributes redirect) {
    String organiser = actions.setStatus(item, status);
    redirect.addFlashAttribute("notice", "action.status.saved");
    return "tracker".equals(from)
        ? "redirect:/bodies/" + organiser + "/actions"
        : "redirect:/meetings/" + id + "/minutes#actions";
  }

  private void show(
      Model model,
      HttpServletRequest request,
      Minutes m,
      Map<String, String> errors,
      String textEn,
      String textSw,
      ActionItemForm itemForm) {
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, m.page().meeting().countyCode());
    model.addAttribute("minutes", m);
    model.addAttribute("errors", errors);
    model.addAttribute("textEn", textEn == null ? m.textEn() : textEn);
    model.addAttribute("textSw", textSw == null ? m.textSw() : textSw);
    model.addAttribute("items", actions.items(m.page()));
    model.addAttribute("itemForm", itemForm == null ? ActionItemForm.blank() : itemForm);
    model.addAttribute("maxMb", minutes.maxMegabytes());
    if (m.editable()) {
      model.addAttribute("owners", actions.owners(m.page()));
    }
  }
}
