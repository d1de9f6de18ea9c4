/**
 * The directory: organisations of every kind with their registration, wards and themes, their
 * affiliation (group → ward CBO), people and the posts they hold, networks and coordination bodies
 * with their memberships, the county's thematic areas, the public directory and its open data.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "geography", "shared"})
package ke.baraza.directory;
