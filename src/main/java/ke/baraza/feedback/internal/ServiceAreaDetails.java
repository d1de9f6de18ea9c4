package ke.baraza.feedback.internal;

/** The editable fields of a service area, checked. */
record ServiceAreaDetails(
    String nameEn,
    String nameSw,
    String keywordEn,
    String keywordSw,
    String departmentRef,
    int acknowledgeDays,
    int resolveDays) {}
