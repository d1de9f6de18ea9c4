package ke.baraza.directory.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import ke.baraza.directory.internal.PeopleQueries;
import ke.baraza.directory.internal.PeopleQueries.PostLine;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Popolo persons and posts: public fields only (never e-mail, phone or demographics). Each answer
 * is a page ({@code items}, {@code page}, {@code size}, {@code totalItems}, {@code totalPages},
 * {@code hasNext}) whose items are Popolo objects. Ids are Baraza public ids: persons and posts
 * their own, {@code organization_id} of a membership the organisation's, of a post the body's
 * (networks and bodies are Popolo organizations too). Dates are {@code YYYY-MM-DD}; role labels are
 * English.
 */
@RestController
@Tag(name = "Popolo")
class PopoloPeopleController {

  /** A Popolo person. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PopoloPerson(String id, String name, List<PopoloMembership> memberships) {}

  /** A Popolo membership: a person in an organisation, or holding a post in a body. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PopoloMembership(
      @JsonProperty("person_id") String personId,
      @JsonProperty("organization_id") String organizationId,
      @JsonProperty("post_id") String postId,
      @JsonProperty("on_behalf_of_id") String onBehalfOfId,
      String role,
      @JsonProperty("start_date") String startDate,
      @JsonProperty("end_date") String endDate) {}

  /** A Popolo post: one holding of a role in a body, with the membership that fills it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PopoloPost(
      String id,
      String label,
      String role,
      @JsonProperty("organization_id") String organizationId,
      @JsonProperty("start_date") String startDate,
      @JsonProperty("end_date") String endDate,
      List<PopoloMembership> memberships) {}

  private final PeopleQueries queries;
  private final GeographyApi geography;
  private final MessageSource messages;

  PopoloPeopleController(PeopleQueries queries, GeographyApi geography, MessageSource messages) {
    this.queries = queries;
    this.geography = geography;
    this.messages = messages;
  }

  @GetMapping("/api/v1/popolo/persons")
  @Operation(
      summary =
          "People of organisations as Popolo persons with their memberships; public fields only,"
              + " paged (size ≤ 200)")
  PageResult<PopoloPerson> persons(
      @RequestParam(required = false) String county,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return queries
        .publicPeople(county(county), new PageRequest(page, size))
        .map(
            p ->
                new PopoloPerson(
                    p.publicId(),
                    p.name(),
                    p.organisations().stream()
                        .map(
                            a ->
                                new PopoloMembership(
                                    p.publicId(),
                                    a.publicId(),
                                    null,
                                    null,
                                    a.title().isEmpty() ? null : a.title(),
                                    null,
                                    null))
                        .toList()));
  }

  @GetMapping("/api/v1/popolo/posts")
  @Operation(
      summary = "Posts held in networks and bodies as Popolo posts, ended ones too; paged (≤ 200)")
  PageResult<PopoloPost> posts(
      @RequestParam(required = false) String county,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return queries.posts(county(county), new PageRequest(page, size)).map(this::post);
  }

  private PopoloPost post(PostLine p) {
    String role = messages.getMessage(p.role().messageKey(), null, Locale.ENGLISH);
    String start = p.startDate().toString();
    String end = p.endDate() == null ? null : p.endDate().toString();
    return new PopoloPost(
        p.publicId(),
        role + ", " + p.bodyName(),
        role,
        p.bodyPublicId(),
        start,
        end,
        List.of(
            new PopoloMembership(
                p.personPublicId(),
                p.bodyPublicId(),
                p.publicId(),
                p.organisationPublicId(),
                role,
                start,
                end)));
  }

  private String county(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    if (!geography.isCounty(code)) {
      throw UserError.notFound("geography.county.unknown", code.replaceAll("[^0-9A-Za-z]", ""));
    }
    return code;
  }
}
