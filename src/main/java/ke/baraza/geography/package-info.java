/**
 * Kenya's 47 counties, 290 sub-counties and 1,450 wards (IEBC 2012) with their boundaries, and the
 * villages county staff add under wards.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "shared"})
package ke.baraza.geography;
