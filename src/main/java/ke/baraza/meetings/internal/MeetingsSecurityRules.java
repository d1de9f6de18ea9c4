package ke.baraza.meetings.internal;

import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.Access.SIGNED_IN;
import static ke.baraza.platform.AccessRule.get;
import static ke.baraza.platform.AccessRule.post;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/**
 * The calendar, its feeds and the API are public (public meetings only); a meeting's page is public
 * and shows a members-only or private meeting only to those {@link MeetingPermissions} lets see it;
 * writes need an account and are checked against the organiser. Answering an invitation needs only
 * the link's secret. The attendance register is for those who may edit the meeting; its figures
 * show on the meeting's page, aggregated only. A training's details, scores and certificates are
 * for those who may edit it; the reach of trainings (counts) and the check of a certificate's code
 * are public. Capacity assessments need an account and are checked against the organisation.
 * Minutes and a body's action tracker are public pages that show only what the services let the
 * caller see; their writes are checked against the organiser (and, for an action's status, its
 * owner).
 */
@Component
class MeetingsSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/calendar", PUBLIC),
        get("/calendar/counties/{code}.ics", PUBLIC),
        get("/calendar/bodies/{id}.ics", PUBLIC),
        get("/api/v1/meetings", PUBLIC),
        get("/api/v1/meetings/{id}", PUBLIC),
        get("/meetings/{id}", PUBLIC),
        get("/meetings/figures", PUBLIC),
        get("/api/v1/meetings/figures", PUBLIC),
        get("/meetings/new", SIGNED_IN),
        post("/meetings", SIGNED_IN),
        get("/meetings/{id}/edit", SIGNED_IN),
        post("/meetings/{id}", SIGNED_IN),
        post("/meetings/{id}/cancel", SIGNED_IN),
        post("/meetings/{id}/agenda", SIGNED_IN),
        post("/meetings/{id}/agenda/{item}/move", SIGNED_IN),
        post("/meetings/{id}/agenda/{item}/remove", SIGNED_IN),
        post("/meetings/{id}/invitations", SIGNED_IN),
        get("/meetings/{id}/attendance", SIGNED_IN),
        post("/meetings/{id}/attendance/people", SIGNED_IN),
        post("/meetings/{id}/attendance/walk-ins", SIGNED_IN),
        post("/meetings/{id}/attendance/{entry}/remove", SIGNED_IN),
        post("/meetings/{id}/attendance/imports", SIGNED_IN),
        get("/meetings/{id}/attendance/imports/{importId}", SIGNED_IN),
        get("/meetings/{id}/attendance/imports/{importId}/problems.csv", SIGNED_IN),
        get("/meetings/{id}/attendance/imports/{importId}/problems.xlsx", SIGNED_IN),
        post("/meetings/{id}/close", SIGNED_IN),
        get("/meetings/{id}/training", SIGNED_IN),
        post("/meetings/{id}/training/topic", SIGNED_IN),
        post("/meetings/{id}/training/trainers", SIGNED_IN),
        post("/meetings/{id}/training/trainers/{trainer}/remove", SIGNED_IN),
        post("/meetings/{id}/training/participants/{entry}/scores", SIGNED_IN),
        get("/meetings/{id}/training/participants/{entry}/certificate", SIGNED_IN),
        get("/meetings/trainings", PUBLIC),
        get("/certificates", PUBLIC),
        get("/certificates/{code}", PUBLIC),
        get("/capacity/organisations/{id}", SIGNED_IN),
        post("/capacity/organisations/{id}", SIGNED_IN),
        get("/capacity/networks/{id}", SIGNED_IN),
        // minutes: read by whoever MinutesService lets (published ones only, beyond organisers)
        get("/meetings/{id}/minutes", PUBLIC),
        get("/meetings/{id}/minutes/attachments/{file}", PUBLIC),
        post("/meetings/{id}/minutes", SIGNED_IN),
        post("/meetings/{id}/minutes/approve", SIGNED_IN),
        post("/meetings/{id}/minutes/publish", SIGNED_IN),
        post("/meetings/{id}/minutes/reopen", SIGNED_IN),
        post("/meetings/{id}/minutes/attachments/{file}/remove", SIGNED_IN),
        post("/meetings/{id}/actions", SIGNED_IN),
        post("/meetings/{id}/actions/{item}/remove", SIGNED_IN),
        post("/meetings/{id}/actions/{item}/status", SIGNED_IN),
        get("/bodies/{id}/actions", PUBLIC),
        get("/rsvp/{token}", PUBLIC),
        post("/rsvp/{token}", PUBLIC));
  }
}
