package ke.baraza.directory.internal;

import static ke.baraza.directory.internal.Input.actor;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A county's thematic areas: county staff add themes and retire or restore them. */
@Service
public class ThemeService {

  private final ThematicAreas themes;
  private final DirectoryPermissions permissions;
  private final AuditLog audit;

  ThemeService(ThematicAreas themes, DirectoryPermissions permissions, AuditLog audit) {
    this.themes = themes;
    this.permissions = permissions;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<ThematicArea> of(String countyCode) {
    return themes.findByCountyCodeOrderByNameEn(countyCode);
  }

  /** Adds a theme named in both languages; a second theme of the same English name is refused. */
  public ThematicArea add(String countyCode, String nameEn, String nameSw) {
    requireStaff(countyCode);
    Map<String, String> errors = new LinkedHashMap<>();
    String en = nameEn == null ? "" : nameEn.strip();
    String sw = nameSw == null ? "" : nameSw.strip();
    if (en.isEmpty() || en.length() > 120) {
      errors.put("nameEn", "theme.name.invalid");
    }
    if (sw.isEmpty() || sw.length() > 120) {
      errors.put("nameSw", "theme.name.invalid");
    }
    String key =
        Normalizer.normalize(en, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    if (key.isEmpty() && errors.isEmpty()) {
      errors.put("nameEn", "theme.name.invalid");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    try {
      ThematicArea saved = themes.saveAndFlush(new ThematicArea(countyCode, key, en, sw));
      audit.record(actor(), "directory:theme-added", saved.publicId(), countyCode);
      return saved;
    } catch (DataIntegrityViolationException exists) {
      throw new InvalidInput(HttpStatus.CONFLICT, Map.of("nameEn", "theme.exists"));
    }
  }

  /** Retires a theme (kept on the organisations that have it) or brings it back. */
  @Transactional
  public void setActive(String countyCode, String themePublicId, boolean active) {
    requireStaff(countyCode);
    ThematicArea theme =
        themes
            .findByPublicId(themePublicId)
            .filter(t -> t.countyCode().equals(countyCode))
            .orElseThrow(() -> UserError.notFound("error.404"));
    theme.setActive(active);
    audit.record(
        actor(), "directory:theme-" + (active ? "restored" : "retired"), themePublicId, countyCode);
  }

  private void requireStaff(String countyCode) {
    if (!permissions.isCountyStaff(countyCode)) {
      throw UserError.forbidden();
    }
  }
}
