package ke.baraza.geography.internal;

import java.util.Locale;
import ke.baraza.geography.Village;
import ke.baraza.geography.Ward;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/** County staff add the villages of a ward; a village name is unique within its ward. */
@Service
public class Villages {

  static final int MAX_NAME = 120;

  private final GeographyStore store;

  Villages(GeographyStore store) {
    this.store = store;
  }

  /** Whether the current user may add villages to wards of {@code countyCode}. */
  public static boolean mayEdit(String countyCode) {
    return CurrentUser.holdsAny(countyCode, Role.ADMINISTRATOR, Role.COUNTY_OFFICIAL);
  }

  /**
   * Adds a village to {@code ward}, or returns the one already there under that name.
   *
   * @throws UserError 403 unless the user is staff of the ward's county; 400 for a bad name
   */
  public Village add(Ward ward, String rawName) {
    if (!mayEdit(ward.countyCode())) {
      throw UserError.forbidden();
    }
    String name = rawName == null ? "" : rawName.strip().replaceAll("\\s+", " ");
    if (name.isEmpty()
        || name.length() > MAX_NAME
        || name.chars().anyMatch(Character::isISOControl)) {
      throw UserError.badRequest("village.name.invalid", MAX_NAME);
    }
    String key = name.toLowerCase(Locale.ROOT);
    String actor = CurrentUser.get().map(SignedInUser::publicId).orElse(null);
    var existing = store.villageByKey(ward.code(), key);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      return store.insertVillage(ward.code(), name, key, actor);
    } catch (DataIntegrityViolationException raced) {
      return store.villageByKey(ward.code(), key).orElseThrow(() -> raced);
    }
  }
}
