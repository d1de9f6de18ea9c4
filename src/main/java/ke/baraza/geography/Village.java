package ke.baraza.geography;

/** A village under a ward, added by county staff. */
public record Village(String publicId, String wardCode, String name) {}
