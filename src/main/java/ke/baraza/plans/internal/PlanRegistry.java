package ke.baraza.plans.internal;

import java.util.List;
import java.util.Optional;
import ke.baraza.plans.CommitmentRef;
import ke.baraza.plans.PlanSummary;
import ke.baraza.plans.PlansApi;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link PlansApi} over the plans tables: plans and commitments are public, so no checks. */
@Component
class PlanRegistry implements PlansApi {

  private static final String COMMITMENTS =
      "select c.public_id, p.public_id as plan_public_id, p.title as plan_title, p.county_code,"
          + " c.ambition_area, c.title, c.lead_ref from plan_commitment c"
          + " join plan p on p.id = c.plan_id";

  private final JdbcClient jdbc;
  private final PlanQueries queries;

  PlanRegistry(JdbcClient jdbc, PlanQueries queries) {
    this.jdbc = jdbc;
    this.queries = queries;
  }

  @Override
  public Optional<CommitmentRef> commitment(String publicId) {
    return publicId == null
        ? Optional.empty()
        : jdbc.sql(COMMITMENTS + " where c.public_id = ?")
            .param(publicId)
            .query(CommitmentRef.class)
            .optional();
  }

  @Override
  public List<CommitmentRef> commitments(String countyCode) {
    return jdbc.sql(
            COMMITMENTS
                + " where p.county_code = ? order by p.starts_on desc, p.id, c.ambition_area, c.title")
        .param(countyCode == null ? "" : countyCode)
        .query(CommitmentRef.class)
        .list();
  }

  @Override
  public List<PlanSummary> plans(String countyCode) {
    return queries.ofCounty(countyCode == null ? "" : countyCode);
  }
}
