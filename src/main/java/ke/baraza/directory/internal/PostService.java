package ke.baraza.directory.internal;

import static ke.baraza.directory.internal.Input.actor;
import static ke.baraza.directory.internal.Input.clean;
import static ke.baraza.directory.internal.Input.parse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ke.baraza.directory.PostRole;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts held in networks and bodies (chair, county lead, point of contact…): added and ended by
 * whoever runs the body ({@link BodyService#mayManage}).
 */
@Service
public class PostService {

  private final Posts posts;
  private final People people;
  private final Organisations organisations;
  private final BodyService bodies;
  private final AuditLog audit;
  private final Clock clock;

  PostService(
      Posts posts,
      People people,
      Organisations organisations,
      BodyService bodies,
      AuditLog audit,
      Clock clock) {
    this.posts = posts;
    this.people = people;
    this.organisations = organisations;
    this.bodies = bodies;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Gives a person a post in a body, for one of their organisations or none.
   *
   * @throws UserError 404 for an unknown body, 403 unless the user runs it
   * @throws InvalidInput 400 for a person or organisation not of the body's county, a person not of
   *     that organisation, an unknown role, a malformed date or an end before the start
   */
  @Transactional
  public Post add(String bodyId, PostForm form) {
    Body body = bodies.find(bodyId);
    if (!bodies.mayManage(body)) {
      throw UserError.forbidden();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<Person> person =
        people
            .findByPublicId(clean(form.person()))
            .filter(p -> p.mergedIntoId() == null)
            .filter(p -> p.countyCode().equals(body.countyCode()));
    if (person.isEmpty()) {
      errors.put("person", "post.person.invalid");
    }
    Long organisationId = null;
    if (!clean(form.organisation()).isEmpty()) {
      Optional<Organisation> organisation =
          organisations
              .findByPublicId(clean(form.organisation()))
              .filter(o -> o.countyCode().equals(body.countyCode()));
      if (organisation.isEmpty()) {
        errors.put("organisation", "post.organisation.invalid");
      } else if (person.isPresent()
          && !person.get().organisations().containsKey(organisation.get().id())) {
        errors.put("organisation", "post.organisation.not-linked");
      } else {
        organisationId = organisation.get().id();
      }
    }
    PostRole role = parse(PostRole.class, form.role());
    if (role == null) {
      errors.put("role", "post.role.invalid");
    }
    LocalDate start = clean(form.start()).isEmpty() ? LocalDate.now(clock) : date(form.start());
    if (start == null) {
      errors.put("start", "post.date.invalid");
    }
    LocalDate end = clean(form.end()).isEmpty() ? null : date(form.end());
    if (end == null && !clean(form.end()).isEmpty()) {
      errors.put("end", "post.date.invalid");
    } else if (end != null && start != null && end.isBefore(start)) {
      errors.put("end", "post.end.before-start");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    Post post =
        posts.save(
            new Post(
                body.id(),
                person.get().id(),
                organisationId,
                role,
                start,
                end,
                actor(),
                clock.instant()));
    audit.record(actor(), "directory:post-added", post.publicId(), body.countyCode());
    return post;
  }

  /**
   * Ends a post on {@code day} (its last day; empty for today).
   *
   * @throws UserError 404 for a post not of this body, 403 unless the user runs the body, 409 when
   *     it has ended already
   * @throws InvalidInput 400 for a malformed date or one before the start
   */
  @Transactional
  public Post end(String bodyId, String postId, String day) {
    Body body = bodies.find(bodyId);
    if (!bodies.mayManage(body)) {
      throw UserError.forbidden();
    }
    Post post =
        posts
            .findByPublicId(clean(postId))
            .filter(p -> p.bodyId().equals(body.id()))
            .orElseThrow(() -> UserError.notFound("post.unknown"));
    if (post.endDate() != null && post.endDate().isBefore(LocalDate.now(clock))) {
      throw UserError.conflict("post.ended");
    }
    LocalDate last = clean(day).isEmpty() ? LocalDate.now(clock) : date(day);
    if (last == null) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("end", "post.date.invalid"));
    }
    if (last.isBefore(post.startDate())) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("end", "post.end.before-start"));
    }
    post.end(last);
    audit.record(actor(), "directory:post-ended", post.publicId(), body.countyCode());
    return post;
  }

  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(clean(value));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
