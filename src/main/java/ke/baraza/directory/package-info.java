/**
 * The directory: organisations of every kind with their registration, wards and themes, their
 * affiliation (group → ward CBO), the county's thematic areas, and the public directory.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "geography", "shared"})
package ke.baraza.directory;
