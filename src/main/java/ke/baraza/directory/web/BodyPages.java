package ke.baraza.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.directory.BodyKind;
import ke.baraza.directory.BodyLevel;
import ke.baraza.directory.MembershipStatus;
import ke.baraza.directory.PostRole;
import ke.baraza.directory.internal.Body;
import ke.baraza.directory.internal.BodyService;
import ke.baraza.directory.internal.BodyService.BodyForm;
import ke.baraza.directory.internal.BodyService.Decision;
import ke.baraza.directory.internal.DirectoryPermissions;
import ke.baraza.directory.internal.MouDocuments;
import ke.baraza.directory.internal.NetworkTree;
import ke.baraza.directory.internal.PeopleQueries;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.UserError;
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
 * Networks and coordination bodies: lists, pages with the member tree, membership decisions and the
 * members' signed MoUs.
 */
@Controller
class BodyPages {

  private final BodyService bodies;
  private final NetworkTree tree;
  private final GeographyApi geography;
  private final DirectoryPermissions permissions;
  private final PeopleQueries people;
  private final MouDocuments mous;
  private final FileStore files;
  private final Clock clock;

  BodyPages(
      BodyService bodies,
      NetworkTree tree,
      GeographyApi geography,
      DirectoryPermissions permissions,
      PeopleQueries people,
      MouDocuments mous,
      FileStore files,
      Clock clock) {
    this.bodies = bodies;
    this.tree = tree;
    this.geography = geography;
    this.permissions = permissions;
    this.people = people;
    this.mous = mous;
    this.files = files;
    this.clock = clock;
  }

  @GetMapping("/bodies")
  String list(
      @RequestParam(defaultValue = "") String county, Model model, HttpServletRequest request) {
    County chosen = county(county);
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, chosen.code());
    model.addAttribute("county", chosen);
    model.addAttribute("bodies", bodies.ofCounty(chosen.code()));
    model.addAttribute("mayAdd", permissions.mayCreateIn(chosen.code()));
    return "directory/bodies";
  }

  @GetMapping("/bodies/{id}")
  String body(@PathVariable String id, Model model, HttpServletRequest request) {
    Body body = bodies.find(id);
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, body.countyCode());
    List<NetworkTree.Member> members = tree.members(body);
    boolean manage = bodies.mayManage(body);
    model.addAttribute("body", body);
    model.addAttribute("county", geography.county(body.countyCode()).orElseThrow());
    model.addAttribute("tree", NetworkTree.byArea(members));
    model.addAttribute(
        "activeCount", members.stream().filter(m -> m.status() == MembershipStatus.ACTIVE).count());
    model.addAttribute(
        "others",
        manage
            ? members.stream().filter(m -> m.status() != MembershipStatus.ACTIVE).toList()
            : List.of());
    model.addAttribute("manage", manage);
    model.addAttribute("signedIn", CurrentUser.get().isPresent());
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("posts", people.currentPosts(body, today));
    model.addAttribute("mous", mous.lines(body));
    model.addAttribute("mouMaxMb", mous.maxMegabytes());
    if (manage) {
      offerPosts(body, model);
      model.addAttribute("today", today.toString());
    }
    return "directory/body";
  }

  @GetMapping("/bodies/new")
  String newForm(@RequestParam(defaultValue = "") String county, Model model) {
    County chosen = county(county);
    if (!permissions.mayCreateIn(chosen.code())) {
      throw UserError.forbidden();
    }
    show(model, chosen, new BodyForm("", "", "NETWORK", "COUNTY", "", "", ""), Map.of());
    return "directory/body-edit";
  }

  @PostMapping("/bodies")
  String create(
      @RequestParam(defaultValue = "") String county,
      BodyForm form,
      Model model,
      HttpServletResponse response) {
    County chosen = county(county);
    try {
      Body body = bodies.create(chosen.code(), form);
      return "redirect:/bodies/" + body.publicId();
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, chosen, form, invalid.fieldErrors());
      return "directory/body-edit";
    }
  }

  @PostMapping("/bodies/{id}/applications")
  String apply(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String organisation,
      RedirectAttributes redirect) {
    bodies.apply(id, organisation);
    redirect.addFlashAttribute("notice", "membership.applied");
    return "redirect:/bodies/" + id;
  }

  @PostMapping("/bodies/{id}/members")
  String admit(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String organisation,
      @RequestParam(defaultValue = "") String since,
      RedirectAttributes redirect) {
    LocalDate from;
    try {
      from = since.isBlank() ? LocalDate.now() : LocalDate.parse(since.strip());
    } catch (DateTimeParseException e) {
      throw UserError.badRequest("organisation.registration-date.invalid");
    }
    bodies.admit(id, organisation, from);
    redirect.addFlashAttribute("notice", "membership.admitted");
    return "redirect:/bodies/" + id;
  }

  @PostMapping("/bodies/{id}/memberships/{membership}")
  String decide(
      @PathVariable String id,
      @PathVariable Long membership,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "") String mou,
      RedirectAttributes redirect) {
    Decision chosen = null;
    for (Decision d : Decision.values()) {
      if (d.name().equals(decision)) {
        chosen = d;
      }
    }
    bodies.decide(id, membership, chosen, reason, mou);
    redirect.addFlashAttribute("notice", "membership.decided");
    return "redirect:/bodies/" + id;
  }

  /** The signed MoU of an active member, as a multipart form: membership, signedOn, file. */
  @PostMapping("/bodies/{id}/mou")
  String uploadMou(
      @PathVariable String id,
      @RequestParam(defaultValue = "0") Long membership,
      @RequestParam(defaultValue = "") String signedOn,
      @RequestParam(required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
      mous.upload(id, membership, signedOn, in, file == null ? null : file.getOriginalFilename());
    } catch (InvalidInput invalid) {
      throw new UserError(invalid.status(), invalid.fieldErrors().values().iterator().next());
    }
    redirect.addFlashAttribute("notice", "mou.uploaded");
    return "redirect:/bodies/" + id + "#mou";
  }

  /** The signed MoU as an attachment, for those {@link MouDocuments#document} lets read it. */
  @GetMapping("/bodies/{id}/mou/{membership}")
  ResponseEntity<Resource> mou(@PathVariable String id, @PathVariable Long membership)
      throws IOException {
    return files.download(mous.document(id, membership));
  }

  /** Who may be given a post: the people of the body's active member organisations. */
  private void offerPosts(Body body, Model model) {
    Map<String, String> holders = new LinkedHashMap<>();
    Map<String, String> organisations = new LinkedHashMap<>();
    for (PeopleQueries.Holder h : people.holders(body)) {
      holders.merge(
          h.personPublicId(),
          h.personName() + " (" + h.organisation() + ")",
          (a, b) -> a.substring(0, a.length() - 1) + ", " + h.organisation() + ")");
      organisations.putIfAbsent(h.organisationPublicId(), h.organisation());
    }
    model.addAttribute("postPeople", holders);
    model.addAttribute("postOrganisations", organisations);
    model.addAttribute("postRoles", PostRole.values());
  }

  private void show(Model model, County county, BodyForm form, Map<String, String> errors) {
    model.addAttribute("county", county);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("kinds", BodyKind.values());
    model.addAttribute("levels", BodyLevel.values());
    model.addAttribute("subCounties", geography.subCounties(county.code()));
  }

  private County county(String code) {
    return geography
        .county(code)
        .orElseThrow(
            () ->
                UserError.notFound(
                    "geography.county.unknown", code.replaceAll("[^0-9A-Za-z]", "")));
  }
}
