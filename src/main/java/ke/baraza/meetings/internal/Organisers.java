package ke.baraza.meetings.internal;

import java.util.Optional;
import ke.baraza.directory.DirectoryApi;
import org.springframework.stereotype.Component;

/** Finds organisers in the directory. */
@Component
class Organisers {

  private final DirectoryApi directory;

  Organisers(DirectoryApi directory) {
    this.directory = directory;
  }

  /** The body or else the organisation with this public id, or empty. */
  Optional<Organiser> find(String publicId) {
    if (publicId == null || publicId.isBlank()) {
      return Optional.empty();
    }
    String id = publicId.strip();
    return directory
        .body(id)
        .map(b -> new Organiser(Organiser.Kind.BODY, b.publicId(), b.name(), b.countyCode()))
        .or(
            () ->
                directory
                    .organisation(id)
                    .map(
                        o ->
                            new Organiser(
                                Organiser.Kind.ORGANISATION,
                                o.publicId(),
                                o.name(),
                                o.countyCode())));
  }

  /** The bodies of a county as organisers, by name. */
  java.util.List<Organiser> bodies(String countyCode) {
    return directory.bodies(countyCode).stream()
        .map(b -> new Organiser(Organiser.Kind.BODY, b.publicId(), b.name(), b.countyCode()))
        .toList();
  }

  /** The organiser of a meeting; its name is "?" if it has left the directory. */
  Organiser of(Meeting meeting) {
    return find(meeting.organiserRef())
        .orElse(
            new Organiser(
                meeting.organiserKind(), meeting.organiserRef(), "?", meeting.countyCode()));
  }
}
