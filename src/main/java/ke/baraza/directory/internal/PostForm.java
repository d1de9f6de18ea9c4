package ke.baraza.directory.internal;

/**
 * A post as typed into the body page's form, checked by {@link PostService}.
 *
 * @param person the public id of the holder
 * @param organisation the public id of the organisation it is held for, or empty
 * @param role a {@link ke.baraza.directory.PostRole} name
 * @param start the first day, {@code YYYY-MM-DD}; empty for today
 * @param end the last day, or empty while it runs
 */
public record PostForm(String person, String organisation, String role, String start, String end) {}
