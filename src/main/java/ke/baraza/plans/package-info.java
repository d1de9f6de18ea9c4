/**
 * Plans and their monitoring: OGP action plans and joint work plans of a county with their
 * commitments, milestones, indicators, progress reports by implementing agencies, independent
 * assessments and public dashboards, aligned to the county's CIDP/ADP programmes.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "geography", "directory", "shared"})
package ke.baraza.plans;
