package ke.baraza.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import ke.baraza.directory.Demographics.AgeBand;
import ke.baraza.directory.Demographics.Gender;
import ke.baraza.directory.internal.DirectoryPermissions;
import ke.baraza.directory.internal.DuplicatePerson;
import ke.baraza.directory.internal.Organisation;
import ke.baraza.directory.internal.OrganisationService;
import ke.baraza.directory.internal.PeopleQueries;
import ke.baraza.directory.internal.PeopleQueries.Affiliation;
import ke.baraza.directory.internal.Person;
import ke.baraza.directory.internal.PersonForm;
import ke.baraza.directory.internal.PersonService;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * People of organisations: their public page (contacts only for those who may see them), adding and
 * editing, linking to organisations, and merging the same person entered twice.
 */
@Controller
class PeoplePages {

  private final PersonService people;
  private final PeopleQueries queries;
  private final OrganisationService organisations;
  private final DirectoryPermissions permissions;
  private final GeographyApi geography;

  PeoplePages(
      PersonService people,
      PeopleQueries queries,
      OrganisationService organisations,
      DirectoryPermissions permissions,
      GeographyApi geography) {
    this.people = people;
    this.queries = queries;
    this.organisations = organisations;
    this.permissions = permissions;
    this.geography = geography;
  }

  @GetMapping("/people/{id}")
  String person(@PathVariable String id, Model model, HttpServletRequest request) {
    Person person = people.find(id);
    if (person.mergedIntoId() != null) {
      return "redirect:/people/" + people.survivorOf(person).orElseThrow().publicId();
    }
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, person.countyCode());
    List<Affiliation> affiliations = queries.organisationsOf(person);
    boolean mayEdit = people.mayEdit(person);
    model.addAttribute("person", person);
    model.addAttribute("county", geography.county(person.countyCode()).orElseThrow());
    model.addAttribute("organisations", affiliations);
    model.addAttribute("posts", queries.postsOf(person));
    model.addAttribute("contacts", people.maySeeContacts(person));
    model.addAttribute("mayEdit", mayEdit);
    model.addAttribute("mayMerge", people.mayMerge(person));
    model.addAttribute(
        "removable",
        mayEdit && affiliations.size() > 1
            ? people.removableFrom(
                person, affiliations.stream().map(Affiliation::publicId).toList())
            : java.util.Set.of());
    return "directory/person";
  }

  @GetMapping("/people/new")
  String newForm(@RequestParam(defaultValue = "") String organisation, Model model) {
    Organisation chosen = organisations.find(organisation);
    if (!permissions.mayEdit(chosen)) {
      throw UserError.forbidden();
    }
    show(model, PersonForm.empty(), chosen, null, Map.of(), List.of());
    return "directory/person-edit";
  }

  @PostMapping("/people")
  String create(
      @RequestParam(defaultValue = "") String organisation,
      PersonForm form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      Person person = people.create(organisation, form);
      redirect.addFlashAttribute("notice", "person.saved");
      return "redirect:/people/" + person.publicId();
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(
          model,
          form,
          organisations.find(organisation),
          null,
          invalid.fieldErrors(),
          offers(invalid));
      return "directory/person-edit";
    }
  }

  @GetMapping("/people/{id}/edit")
  String editForm(@PathVariable String id, Model model) {
    Person person = people.find(id);
    if (person.mergedIntoId() != null) {
      return "redirect:/people/" + people.survivorOf(person).orElseThrow().publicId();
    }
    if (!people.mayEdit(person)) {
      throw UserError.forbidden();
    }
    show(model, PersonForm.of(person), null, person, Map.of(), List.of());
    return "directory/person-edit";
  }

  @PostMapping("/people/{id}")
  String update(
      @PathVariable String id,
      @RequestParam(defaultValue = "-1") long version,
      PersonForm form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      people.update(id, version, form);
      redirect.addFlashAttribute("notice", "person.saved");
      return "redirect:/people/" + id;
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, form, null, people.find(id), invalid.fieldErrors(), offers(invalid));
      return "directory/person-edit";
    }
  }

  @PostMapping("/people/{id}/merge")
  String merge(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String duplicate,
      RedirectAttributes redirect) {
    Person survivor = people.merge(id, duplicate);
    redirect.addFlashAttribute("notice", "person.merged-done");
    return "redirect:/people/" + survivor.publicId();
  }

  @PostMapping("/people/{id}/organisations")
  String link(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String organisation,
      @RequestParam(defaultValue = "") String title,
      RedirectAttributes redirect) {
    people.link(id, organisation, title);
    redirect.addFlashAttribute("notice", "person.saved");
    return "redirect:/people/" + id;
  }

  @PostMapping("/people/{id}/organisations/{organisation}/remove")
  String unlink(
      @PathVariable String id, @PathVariable String organisation, RedirectAttributes redirect) {
    people.unlink(id, organisation);
    redirect.addFlashAttribute("notice", "person.saved");
    return "redirect:/people/" + id;
  }

  private static List<DuplicatePerson.Candidate> offers(InvalidInput invalid) {
    return invalid instanceof DuplicatePerson duplicate ? duplicate.candidates() : List.of();
  }

  private void show(
      Model model,
      PersonForm form,
      Organisation organisation,
      Person person,
      Map<String, String> errors,
      List<DuplicatePerson.Candidate> candidates) {
    String county = organisation != null ? organisation.countyCode() : person.countyCode();
    model.addAttribute("county", geography.county(county).orElseThrow());
    model.addAttribute("form", form);
    model.addAttribute("organisation", organisation);
    model.addAttribute("person", person);
    model.addAttribute("errors", errors);
    model.addAttribute("candidates", candidates);
    model.addAttribute("genders", Gender.values());
    model.addAttribute("ageBands", AgeBand.values());
  }
}
