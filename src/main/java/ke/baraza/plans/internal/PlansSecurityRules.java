package ke.baraza.plans.internal;

import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.Access.SIGNED_IN;
import static ke.baraza.platform.AccessRule.get;
import static ke.baraza.platform.AccessRule.post;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/**
 * Plans, their dashboards, commitments, evidence, exports and the API are public; a report's page
 * is public and shows a report not yet accepted only to those the services let see it. Every write
 * needs an account and is checked by {@link PlanPermissions}.
 */
@Component
class PlansSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/api/v1/plans", PUBLIC),
        get("/plans", PUBLIC),
        get("/plans/new", SIGNED_IN),
        post("/plans", SIGNED_IN),
        get("/plans/{id}", PUBLIC),
        get("/plans/{id}/report.pdf", PUBLIC),
        get("/plans/{id}/report.csv", PUBLIC),
        get("/plans/{id}/report.xlsx", PUBLIC),
        get("/plans/{id}/edit", SIGNED_IN),
        post("/plans/{id}", SIGNED_IN),
        post("/plans/{id}/parties", SIGNED_IN),
        post("/plans/{id}/parties/remove", SIGNED_IN),
        post("/plans/{id}/programmes", SIGNED_IN),
        get("/plans/{id}/commitments/new", SIGNED_IN),
        post("/plans/{id}/commitments", SIGNED_IN),
        get("/commitments/{id}", PUBLIC),
        get("/commitments/{id}/edit", SIGNED_IN),
        post("/commitments/{id}", SIGNED_IN),
        post("/commitments/{id}/milestones", SIGNED_IN),
        post("/commitments/{id}/indicators", SIGNED_IN),
        post("/commitments/{id}/assessments", SIGNED_IN),
        get("/commitments/{id}/reports/new", SIGNED_IN),
        post("/commitments/{id}/reports", SIGNED_IN),
        post("/milestones/{id}", SIGNED_IN),
        post("/milestones/{id}/status", SIGNED_IN),
        post("/milestones/{id}/links", SIGNED_IN),
        post("/milestones/{id}/files", SIGNED_IN),
        get("/milestones/{id}/evidence/{file}", PUBLIC),
        post("/indicators/{id}", SIGNED_IN),
        post("/indicators/{id}/values", SIGNED_IN),
        get("/reports/{id}", PUBLIC),
        post("/reports/{id}", SIGNED_IN),
        post("/reports/{id}/submit", SIGNED_IN),
        post("/reports/{id}/return", SIGNED_IN),
        post("/reports/{id}/accept", SIGNED_IN));
  }
}
