/**
 * Who does what where: the activities organisations run in a county's wards, the theme × ward
 * matrix, map and gaps, overlap flags between organisations for the county's coordinators, and the
 * IATI 2.03 export.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "geography", "directory", "shared"})
package ke.baraza.activities;
