package ke.baraza.directory.internal;

import ke.baraza.directory.Demographics;

/** A person's details once checked: trimmed, contacts normalised, ready to store. */
record PersonDetails(
    String name,
    String title,
    String email,
    String phone,
    String language,
    boolean consent,
    Demographics demographics) {}
