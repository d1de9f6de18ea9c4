package ke.baraza.budget.internal;

import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.Access.SIGNED_IN;
import static ke.baraza.platform.Access.STAFF;
import static ke.baraza.platform.AccessRule.get;
import static ke.baraza.platform.AccessRule.post;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/**
 * The calendar, participation pages, published reports, budget lines and budget documents (their
 * PDF versions, allocations and search) are public, and anyone may send a view, propose a ward
 * project and vote (with an SMS code); organisations' memoranda need an account. Everything else is
 * for staff, and {@link BudgetPermissions} then checks the county.
 */
@Component
class BudgetSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/api/v1/budget/calendar", PUBLIC),
        get("/api/v1/budget/lines", PUBLIC),
        get("/budget/counties/{county}", PUBLIC),
        get("/budget/counties/{county}/{fy}", PUBLIC),
        get("/budget/counties/{county}/{fy}/milestones/{code}", PUBLIC),
        post("/budget/counties/{county}/{fy}/milestones/{code}/date", STAFF),
        post("/budget/counties/{county}/{fy}/milestones/{code}/status", STAFF),
        post("/budget/counties/{county}/{fy}/milestones/{code}/participation", STAFF),
        get("/budget/counties/{county}/{fy}/milestones/{code}/documents", PUBLIC),
        post("/budget/counties/{county}/{fy}/milestones/{code}/documents", STAFF),
        get("/budget/counties/{county}/{fy}/milestones/{code}/documents/{version}.pdf", PUBLIC),
        post("/budget/counties/{county}/{fy}/milestones/{code}/allocations", STAFF),
        post("/budget/counties/{county}/{fy}/milestones/{code}/allocations/import", STAFF),
        get("/budget/counties/{county}/documents/search", PUBLIC),
        get("/budget/counties/{county}/{fy}/lines", PUBLIC),
        get("/budget/counties/{county}/{fy}/lines.csv", PUBLIC),
        get("/budget/counties/{county}/{fy}/lines.xlsx", PUBLIC),
        get("/budget/counties/{county}/{fy}/lines.json", PUBLIC),
        post("/budget/counties/{county}/{fy}/lines", STAFF),
        get("/budget/participation/{id}", PUBLIC),
        post("/budget/participation/{id}/views", PUBLIC),
        post("/budget/participation/{id}/memoranda", SIGNED_IN),
        get("/budget/participation/{id}/memoranda/{view}/file", STAFF),
        post("/budget/participation/{id}/forums", STAFF),
        get("/budget/participation/{id}/paper", STAFF),
        post("/budget/participation/{id}/paper", STAFF),
        get("/budget/participation/{id}/consideration", STAFF),
        post("/budget/participation/{id}/issues", STAFF),
        post("/budget/participation/{id}/grouping", STAFF),
        post("/budget/participation/{id}/issues/{issue}/response", STAFF),
        post("/budget/participation/{id}/publish", STAFF),
        get("/budget/participation/{id}/report", PUBLIC),
        get("/budget/participation/{id}/report.csv", PUBLIC),
        get("/budget/participation/{id}/report.xlsx", PUBLIC),
        get("/budget/participation/{id}/report.pdf", PUBLIC),
        get("/budget/views/{id}", PUBLIC),
        get("/budget/counties/{county}/{fy}/pb", PUBLIC),
        post("/budget/counties/{county}/{fy}/pb", STAFF),
        get("/budget/pb/{id}", PUBLIC),
        post("/budget/pb/{id}/proposals", PUBLIC),
        post("/budget/pb/{id}/proposals/{proposal}/assessment", STAFF),
        post("/budget/pb/{id}/phase", STAFF),
        post("/budget/pb/{id}/rule", STAFF),
        get("/budget/pb/{id}/paper", STAFF),
        post("/budget/pb/{id}/paper", STAFF),
        post("/budget/pb/{id}/code", PUBLIC),
        post("/budget/pb/{id}/votes", PUBLIC));
  }
}
