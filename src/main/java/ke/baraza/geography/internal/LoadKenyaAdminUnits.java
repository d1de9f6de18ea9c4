package ke.baraza.geography.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 3: loads the 47 counties, 290 sub-counties and 1,450 wards shipped in {@code
 * geography/kenya-admin/} (provenance and licences in the README beside them). Flyway runs it once
 * per database, so loading is idempotent.
 */
@Component
class LoadKenyaAdminUnits implements JavaMigration {

  static final String FOLDER = "geography/kenya-admin/";

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("3");
  }

  @Override
  public String getDescription() {
    return "load kenya admin units";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    insert(
        connection,
        "insert into county (code, name, name_first_schedule) values (?, ?, ?)",
        read("counties.csv"),
        row -> new String[] {row[0], row[1], row[2]});
    insert(
        connection,
        "insert into subcounty (county_code, code, name) values (?, ?, ?)",
        read("subcounties.csv"),
        row -> new String[] {row[0], row[1], row[2]});
    insert(
        connection,
        "insert into ward (county_code, subcounty_code, code, name) values (?, ?, ?, ?)",
        read("wards.csv"),
        row -> new String[] {row[0], row[1], row[3], row[4]});
  }

  private static void insert(
      Connection connection,
      String sql,
      List<String[]> rows,
      java.util.function.Function<String[], String[]> columns)
      throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (String[] row : rows) {
        String[] values = columns.apply(row);
        for (int i = 0; i < values.length; i++) {
          statement.setString(i + 1, values[i]);
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /** The data rows of a shipped CSV file (header skipped). */
  static List<String[]> read(String file) throws IOException {
    try (InputStream in =
        LoadKenyaAdminUnits.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IOException("Missing resource " + FOLDER + file);
      }
      CSVFormat format = CSVFormat.RFC4180.builder().setSkipHeaderRecord(true).setHeader().get();
      List<String[]> rows = new ArrayList<>();
      for (CSVRecord record :
          format.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords()) {
        rows.add(record.values());
      }
      return rows;
    }
  }
}
