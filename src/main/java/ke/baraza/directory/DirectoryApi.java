package ke.baraza.directory;

import java.util.Optional;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;

/** What other modules may ask of the directory. Read-only. */
public interface DirectoryApi {

  /** An organisation by public id, or empty. */
  Optional<OrganisationSummary> organisation(String publicId);

  /**
   * A page of organisations matching the search: by relevance, then name, when it has text; by name
   * otherwise.
   *
   * @param search the filters; nulls mean "any"
   */
  PageResult<OrganisationSummary> search(DirectorySearch search, PageRequest page);
}
