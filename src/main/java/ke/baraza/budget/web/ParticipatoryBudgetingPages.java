package ke.baraza.budget.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ke.baraza.budget.FiscalYear;
import ke.baraza.budget.internal.BudgetPermissions;
import ke.baraza.budget.internal.Participation;
import ke.baraza.budget.internal.ParticipatoryBudgeting;
import ke.baraza.budget.internal.ParticipatoryBudgeting.Assessment;
import ke.baraza.budget.internal.ParticipatoryBudgeting.ProposalForm;
import ke.baraza.budget.internal.ParticipatoryBudgeting.Round;
import ke.baraza.budget.internal.PbTallies;
import ke.baraza.budget.internal.PbTallies.TallyForm;
import ke.baraza.geography.County;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Participatory budgeting: a county's rounds of a fiscal year and the projects selected for
 * implementation; a round's page where residents propose, officers assess, residents vote with an
 * SMS code, and the explained results are published; the page where staff enter a paper tally.
 */
@Controller
class ParticipatoryBudgetingPages {

  private final ParticipatoryBudgeting pb;
  private final PbTallies tallies;
  private final Participation participation;
  private final BudgetPermissions permissions;
  private final Places places;

  ParticipatoryBudgetingPages(
      ParticipatoryBudgeting pb,
      PbTallies tallies,
      Participation participation,
      BudgetPermissions permissions,
      Places places) {
    this.pb = pb;
    this.tallies = tallies;
    this.participation = participation;
    this.permissions = permissions;
    this.places = places;
  }

  @GetMapping("/budget/counties/{county}/{fy}/pb")
  String rounds(
      @PathVariable String county, @PathVariable String fy, Model model, HttpServletRequest r) {
    County chosen = places.county(county, r);
    FiscalYear year = Places.year(fy);
    model.addAttribute("county", chosen);
    model.addAttribute("year", year);
    model.addAttribute("rounds", pb.rounds(chosen.code(), year));
    model.addAttribute("selected", pb.forImplementation(chosen.code(), year));
    boolean staff = permissions.isCountyStaff(chosen.code());
    model.addAttribute("staff", staff);
    model.addAttribute("wards", staff ? participation.wards(chosen.code()) : List.of());
    return "budget/pb-rounds";
  }

  @PostMapping("/budget/counties/{county}/{fy}/pb")
  String open(
      @PathVariable String county,
      @PathVariable String fy,
      @RequestParam(defaultValue = "") String ward,
      @RequestParam(defaultValue = "") String envelope,
      @RequestParam(defaultValue = "") String rule,
      @RequestParam(defaultValue = "") String choices,
      HttpServletRequest r) {
    County chosen = places.county(county, r);
    String id = pb.open(chosen.code(), Places.year(fy), ward, envelope, rule, choices);
    return "redirect:/budget/pb/" + id;
  }

  @PostMapping("/budget/pb/{id}/rule")
  String rule(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String rule,
      @RequestParam(defaultValue = "") String choices) {
    pb.changeRule(id, rule, choices);
    return "redirect:/budget/pb/" + id;
  }

  @GetMapping("/budget/pb/{id}/paper")
  String paper(@PathVariable String id, Model model, HttpServletRequest request) {
    Round round = pb.round(id);
    permissions.requireCountyStaff(round.countyCode());
    showPaper(model, round, null, Map.of(), request);
    return "budget/pb-paper";
  }

  @PostMapping("/budget/pb/{id}/paper")
  String enterPaper(
      @PathVariable String id,
      @RequestParam Map<String, String> fields,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    Round round = pb.round(id);
    try {
      tallies.enter(
          id,
          new TallyForm(
              fields.get("venue"),
              fields.get("heldOn"),
              fields.get("ballots"),
              fields.get("witnessName"),
              fields.get("witnessRole"),
              fields.get("submission"),
              fields));
      return "redirect:/budget/pb/" + id + "#tallies";
    } catch (UserError refused) {
      if (refused.status().value() == 403) {
        throw refused;
      }
      response.setStatus(refused.status().value());
      showPaper(model, round, refused, fields, request);
      return "budget/pb-paper";
    }
  }

  @GetMapping("/budget/pb/{id}")
  String round(
      @PathVariable String id,
      @RequestParam(required = false) String voted,
      Model model,
      HttpServletRequest request) {
    show(model, pb.round(id), null, null, voted != null, request);
    return "budget/pb-round";
  }

  @PostMapping("/budget/pb/{id}/proposals")
  String propose(
      @PathVariable String id,
      ProposalForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    Round round = pb.round(id);
    try {
      pb.propose(id, form);
      return "redirect:/budget/pb/" + id;
    } catch (UserError refused) {
      response.setStatus(refused.status().value());
      show(model, round, refused, null, false, request);
      return "budget/pb-round";
    }
  }

  @PostMapping("/budget/pb/{id}/proposals/{proposal}/assessment")
  String assess(@PathVariable String id, @PathVariable String proposal, Assessment assessment) {
    pb.assess(id, proposal, assessment);
    return "redirect:/budget/pb/" + id;
  }

  @PostMapping("/budget/pb/{id}/phase")
  String phase(@PathVariable String id, @RequestParam(defaultValue = "") String phase) {
    pb.advance(id, phase);
    return "redirect:/budget/pb/" + id;
  }

  @PostMapping("/budget/pb/{id}/code")
  String code(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String phone,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    Round round = pb.round(id);
    try {
      pb.sendCode(id, phone, RequestContextUtils.getLocale(request));
      show(model, round, null, phone, false, request);
    } catch (UserError refused) {
      response.setStatus(refused.status().value());
      show(model, round, refused, null, false, request);
    }
    return "budget/pb-round";
  }

  @PostMapping("/budget/pb/{id}/votes")
  String vote(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(name = "proposals", required = false) List<String> proposals,
      @RequestParam Map<String, String> fields,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    Round round = pb.round(id);
    try {
      Map<String, String> ranks = new HashMap<>();
      fields.forEach(
          (name, value) -> {
            if (name.startsWith(RANK)) {
              ranks.put(name.substring(RANK.length()), value);
            }
          });
      pb.vote(id, phone, code, proposals, ranks);
      return "redirect:/budget/pb/" + id + "?voted";
    } catch (UserError refused) {
      response.setStatus(refused.status().value());
      show(model, round, refused, phone, false, request);
      return "budget/pb-round";
    }
  }

  /** The ranked ballot's fields: {@code rank-<proposal>}, the rank given to that proposal. */
  private static final String RANK = "rank-";

  private void showPaper(
      Model model,
      Round round,
      UserError problem,
      Map<String, String> values,
      HttpServletRequest request) {
    model.addAttribute("round", round);
    model.addAttribute("county", places.county(round.countyCode(), request));
    model.addAttribute("proposals", pb.proposals(round));
    model.addAttribute("problem", problem);
    model.addAttribute("values", values);
    model.addAttribute(
        "submission", values.getOrDefault("submission", UUID.randomUUID().toString()));
  }

  private void show(
      Model model,
      Round round,
      UserError problem,
      String codeSentTo,
      boolean voted,
      HttpServletRequest request) {
    model.addAttribute("round", round);
    model.addAttribute("county", places.county(round.countyCode(), request));
    model.addAttribute("proposals", pb.proposals(round));
    model.addAttribute("results", pb.results(round));
    model.addAttribute("tallies", tallies.tallies(round));
    model.addAttribute("ballots", tallies.ballots(round));
    model.addAttribute("staff", permissions.isCountyStaff(round.countyCode()));
    model.addAttribute("problem", problem);
    model.addAttribute("codeSentTo", codeSentTo);
    model.addAttribute("voted", voted);
    model.addAttribute("submission", UUID.randomUUID().toString());
  }
}
