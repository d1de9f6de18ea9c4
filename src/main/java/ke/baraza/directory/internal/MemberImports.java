package ke.baraza.directory.internal;

import static ke.baraza.directory.internal.Input.actor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import ke.baraza.directory.Demographics;
import ke.baraza.directory.MembershipStatus;
import ke.baraza.directory.OrganisationType;
import ke.baraza.directory.internal.ImportPlan.Action;
import ke.baraza.directory.internal.ImportPlan.MembershipAction;
import ke.baraza.directory.internal.ImportPlan.OrganisationRef;
import ke.baraza.directory.internal.ImportPlan.Problem;
import ke.baraza.directory.internal.ImportPlan.RowPlan;
import ke.baraza.directory.internal.ImportPlan.Snapshot;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.SubCounty;
import ke.baraza.geography.Ward;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.TabularExport;
import ke.baraza.platform.TabularFileRejected;
import ke.baraza.platform.TabularFiles;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Table;
import ke.baraza.platform.TabularFormat;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports member and participant lists (CSV or XLSX) into a body: upload, column mapping, preview,
 * import, undo, and the invalid rows as a file to fix. Only whoever runs the body may, see {@link
 * BodyService#mayManage}. The upload is kept so that every step reads the same rows; a refused file
 * is not kept at all.
 *
 * <p>Invalid rows never stop valid ones: the import takes every valid row and leaves the others for
 * the coordinator. Importing the same rows again changes nothing, because each row is matched to
 * what the first import made. Undo removes what the import made unless something else has come to
 * depend on it since (a post, another organisation's person), which it keeps and counts.
 */
@Service
public class MemberImports {

  /** An import's state. */
  public enum Status {
    UPLOADED,
    APPLIED,
    UNDONE;

    public String messageKey() {
      return "import.status." + name().toLowerCase(Locale.ROOT);
    }
  }

  /** One import as its pages show it. */
  public record Summary(
      String publicId,
      String fileName,
      String sha256,
      Status status,
      int rowCount,
      int imported,
      int invalid,
      String createdBy,
      Instant createdAt,
      Instant appliedAt,
      Instant undoneAt,
      List<ImportField> mapping) {}

  /** An import with its table, plan and problems with the mapping. */
  public record Preview(
      Summary summary,
      Table table,
      ImportPlan plan,
      List<Problem> mappingProblems,
      Optional<Summary> sameFileApplied) {}

  /** What an undo did: records removed and records kept because something depends on them. */
  public record Undone(int removed, int kept) {}

  private enum Change {
    ORGANISATION,
    PERSON,
    LINK,
    MEMBERSHIP,
    APPROVAL
  }

  private final BodyService bodies;
  private final Organisations organisations;
  private final People people;
  private final Memberships memberships;
  private final GeographyApi geography;
  private final MessageSource messages;
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final AuditLog audit;
  private final Clock clock;

  /**
   * The last list read, kept softly (the collector may drop it when memory runs short): the
   * coordinator's upload, preview and carrying out read the same file one after another, and a list
   * of 100,000 rows takes seconds to parse. An import's file never changes once uploaded.
   */
  private final AtomicReference<SoftReference<CachedTable>> lastTable =
      new AtomicReference<>(new SoftReference<>(null));

  MemberImports(
      BodyService bodies,
      Organisations organisations,
      People people,
      Memberships memberships,
      GeographyApi geography,
      MessageSource messages,
      JdbcClient jdbc,
      JdbcTemplate batch,
      AuditLog audit,
      Clock clock) {
    this.batch = batch;
    this.bodies = bodies;
    this.organisations = organisations;
    this.people = people;
    this.memberships = memberships;
    this.geography = geography;
    this.messages = messages;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Keeps an uploaded list with a guessed column mapping, once it reads as a table.
   *
   * @return the new import's public id
   * @throws UserError 404 for an unknown body, 403 unless the user runs it
   * @throws TabularFileRejected when the file is not a table Baraza reads; nothing is kept
   */
  @Transactional
  public String upload(String bodyId, String fileName, InputStream in) throws IOException {
    Body body = managed(bodyId);
    byte[] content = in.readNBytes((int) Limits.DEFAULTS.maxFileBytes() + 1);
    Table table = TabularFiles.read(new ByteArrayInputStream(content), fileName, Limits.DEFAULTS);
    if (table.rows().isEmpty()) {
      throw new TabularFileRejected(HttpStatus.BAD_REQUEST, "import.no-rows");
    }
    List<ImportField> mapping =
        table.header().stream().map(h -> ImportField.guess(h).orElse(ImportField.IGNORE)).toList();
    String id = PublicId.next();
    jdbc.sql(
            """
            insert into member_import (public_id, body_id, file_name, file_sha256, content, mapping,
              status, row_count, created_by, created_at)
            values (?, ?, ?, ?, ?, ?, 'UPLOADED', ?, ?, ?)""")
        .params(
            id,
            body.id(),
            safeName(fileName),
            sha256(content),
            content,
            encode(mapping),
            table.rows().size(),
            actor(),
            java.sql.Timestamp.from(clock.instant()))
        .update();
    keep(body, id, table);
    audit.record(actor(), "directory:import-uploaded", id, body.countyCode());
    return id;
  }

  /** The body's imports, newest first. */
  @Transactional(readOnly = true)
  public List<Summary> history(String bodyId) {
    Body body = managed(bodyId);
    return jdbc.sql(SELECT + " where body_id = ? order by created_at desc, id desc")
        .param(body.id())
        .query(MemberImports::summary)
        .list();
  }

  /**
   * The import with its rows planned against the directory as it is now.
   *
   * @throws UserError 404 for an unknown body or an import of another body, 403 unless the user
   *     runs the body
   */
  @Transactional(readOnly = true)
  public Preview preview(String bodyId, String importId) {
    Body body = managed(bodyId);
    Summary summary = summary(body, importId);
    Table table = table(body, importId);
    List<ImportField> mapping = fit(summary.mapping(), table);
    List<Problem> problems = ImportPlan.mappingProblems(mapping);
    ImportPlan plan =
        problems.isEmpty() ? ImportPlan.of(table, mapping, snapshot(body)) : ImportPlan.empty();
    Optional<Summary> same =
        jdbc.sql(
                SELECT
                    + " where body_id = ? and file_sha256 = ? and status = 'APPLIED'"
                    + " and public_id <> ? order by applied_at desc")
            .params(body.id(), summary.sha256(), summary.publicId())
            .query(MemberImports::summary)
            .optional();
    return new Preview(summary, table, plan, problems, same);
  }

  /**
   * Changes the column mapping of an import not yet carried out.
   *
   * @param fields one field name per column, in column order; unknown names are ignored columns
   * @throws UserError 409 once the import was carried out or undone
   */
  @Transactional
  public void map(String bodyId, String importId, List<String> fields) {
    Body body = managed(bodyId);
    Summary summary = summary(body, importId);
    if (summary.status() != Status.UPLOADED) {
      throw UserError.conflict("import.already-applied");
    }
    List<ImportField> mapping =
        fields.stream()
            .map(f -> Input.parse(ImportField.class, f))
            .map(f -> f == null ? ImportField.IGNORE : f)
            .toList();
    jdbc.sql("update member_import set mapping = ? where public_id = ?")
        .params(encode(mapping), summary.publicId())
        .update();
  }

  /**
   * Carries out the import: every valid row, as the preview showed it against the directory now.
   *
   * @return the import as carried out
   * @throws UserError 409 when it was carried out already (or is being, by another request), 400
   *     when the mapping has problems
   */
  @Transactional
  public Summary apply(String bodyId, String importId) {
    Body body = managed(bodyId);
    int claimed =
        jdbc.sql(
                "update member_import set status = 'APPLIED', applied_at = ?"
                    + " where public_id = ? and body_id = ? and status = 'UPLOADED'")
            .params(java.sql.Timestamp.from(clock.instant()), importId, body.id())
            .update();
    if (claimed != 1) {
      summary(body, importId);
      throw UserError.conflict("import.already-applied");
    }
    Summary summary = summary(body, importId);
    Table table = table(body, importId);
    List<ImportField> mapping = fit(summary.mapping(), table);
    if (!ImportPlan.mappingProblems(mapping).isEmpty()) {
      throw UserError.badRequest("import.mapping.incomplete");
    }
    ImportPlan plan = ImportPlan.of(table, mapping, snapshot(body));
    long importKey = key(importId);
    List<Object[]> changes = carryOut(body, plan);
    jdbc.sql("update member_import set imported = ?, invalid = ? where id = ?")
        .params(plan.count("valid"), plan.count("invalid"), importKey)
        .update();
    batch.batchUpdate(
        "insert into member_import_change (import_id, kind, target_id, other_id)"
            + " values (?, ?, ?, ?)",
        changes.stream()
            .map(change -> new Object[] {importKey, change[0], change[1], change[2]})
            .toList());
    audit.record(actor(), "directory:import-applied", importId, body.countyCode());
    return summary(body, importId);
  }

  /**
   * Writes the plan. Organisations and memberships go through JPA (the search index follows them; a
   * list names far fewer organisations than people); people and their links, one or two per row,
   * are written in JDBC batches and the new people's ids read back by their public ids, so that a
   * list of 100,000 people costs a few hundred statements rather than 200,000.
   */
  private List<Object[]> carryOut(Body body, ImportPlan plan) {
    String actor = actor();
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    String language = LocaleContextHolder.getLocale().getLanguage().equals("sw") ? "sw" : "en";
    Map<Long, Long> created = new HashMap<>();
    Map<Long, Person> newPeople = new LinkedHashMap<>();
    List<Object[]> links = new ArrayList<>();
    List<Object[]> changes = new ArrayList<>();
    for (RowPlan row : plan.rows()) {
      if (!row.valid()) {
        continue;
      }
      long orgId = row.organisationId();
      if (row.organisationAction() == Action.NEW && !created.containsKey(orgId)) {
        Set<String> wards = row.wardCode() == null ? Set.of() : Set.of(row.wardCode());
        Organisation organisation =
            new Organisation(
                body.countyCode(),
                new OrganisationDetails(
                    row.organisation(),
                    null,
                    row.type(),
                    null,
                    null,
                    null,
                    row.wardCode(),
                    wards,
                    Set.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                actor,
                now);
        organisations.save(organisation);
        created.put(orgId, organisation.id());
        changes.add(new Object[] {Change.ORGANISATION.name(), organisation.id(), null});
      }
      orgId = created.getOrDefault(orgId, orgId);
      if (row.personAction() != Action.NONE) {
        long personId = row.personId();
        if (row.personAction() == Action.NEW && !newPeople.containsKey(personId)) {
          newPeople.put(
              personId,
              new Person(
                  body.countyCode(),
                  new PersonDetails(
                      row.person(),
                      row.title().isEmpty() ? null : row.title(),
                      row.email(),
                      row.phone(),
                      language,
                      false,
                      Demographics.NONE),
                  actor,
                  now));
        }
        if (row.newLink()) {
          links.add(new Object[] {personId, orgId, row.title()});
        }
      }
      if (row.membership() == MembershipAction.ADMIT) {
        Membership m = memberships.save(Membership.admitted(body.id(), orgId, today, actor, now));
        changes.add(new Object[] {Change.MEMBERSHIP.name(), m.id(), null});
      } else if (row.membership() == MembershipAction.APPROVE) {
        Membership m = memberships.findByBodyIdAndOrganisationId(body.id(), orgId).orElseThrow();
        m.approve(today, actor, now);
        changes.add(new Object[] {Change.APPROVAL.name(), m.id(), null});
      }
    }
    memberships.flush();
    Map<String, Long> ids = insertPeople(newPeople.values());
    Map<Long, Long> personIds = new HashMap<>();
    newPeople.forEach(
        (planned, person) -> {
          long id = ids.get(person.publicId());
          personIds.put(planned, id);
          changes.add(new Object[] {Change.PERSON.name(), id, null});
        });
    List<Object[]> linkRows = new ArrayList<>(links.size());
    List<Object[]> existing = new ArrayList<>();
    for (Object[] link : links) {
      long planned = (Long) link[0];
      long person = personIds.getOrDefault(planned, planned);
      String title = (String) link[2];
      linkRows.add(new Object[] {person, link[1], title == null ? "" : title});
      changes.add(new Object[] {Change.LINK.name(), person, link[1]});
      if (!personIds.containsKey(planned)) {
        existing.add(new Object[] {Timestamp.from(now), person});
      }
    }
    updated(
        "insert into person_organisation (person_id, organisation_id, title) values (?, ?, ?)",
        linkRows);
    // a person's links are part of the record an editor may have open: a later save must see that
    // it changed, as it would had the link been added through the person's page
    updated("update person set version = version + 1, updated_at = ? where id = ?", existing);
    return changes;
  }

  /** Inserts new people in batches; their ids by public id. */
  private Map<String, Long> insertPeople(java.util.Collection<Person> fresh) {
    updated(
        """
        insert into person (public_id, county_code, name, name_key, title, email, phone, language,
          gender, age_band, disability, consent_at, created_by, created_at, updated_at, version)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
        fresh.stream()
            .map(
                p ->
                    new Object[] {
                      p.publicId(),
                      p.countyCode(),
                      p.name(),
                      p.nameKey(),
                      p.title(),
                      p.email(),
                      p.phone(),
                      p.language(),
                      p.demographics().gender() == null ? null : p.demographics().gender().name(),
                      p.demographics().ageBand() == null ? null : p.demographics().ageBand().name(),
                      p.demographics().disability(),
                      p.consentAt() == null ? null : Timestamp.from(p.consentAt()),
                      p.createdBy(),
                      Timestamp.from(p.createdAt()),
                      Timestamp.from(p.updatedAt())
                    })
            .toList());
    Map<String, Long> ids = new HashMap<>();
    List<String> publicIds = fresh.stream().map(Person::publicId).toList();
    for (int from = 0; from < publicIds.size(); from += 1_000) {
      jdbc.sql("select id, public_id from person where public_id in (:ids)")
          .param("ids", publicIds.subList(from, Math.min(from + 1_000, publicIds.size())))
          .query(
              rs -> {
                ids.put(rs.getString(2), rs.getLong(1));
              });
    }
    return ids;
  }

  /**
   * Undoes a carried-out import: memberships it made or approved, links it made, and the people and
   * organisations it created unless something else depends on them now.
   *
   * @throws UserError 409 unless the import was carried out and not undone
   */
  @Transactional
  public Undone undo(String bodyId, String importId) {
    Body body = managed(bodyId);
    int claimed =
        jdbc.sql(
                "update member_import set status = 'UNDONE', undone_at = ?"
                    + " where public_id = ? and body_id = ? and status = 'APPLIED'")
            .params(java.sql.Timestamp.from(clock.instant()), importId, body.id())
            .update();
    if (claimed != 1) {
      summary(body, importId);
      throw UserError.conflict("import.not-undoable");
    }
    List<Object[]> changes =
        jdbc.sql(
                "select kind, target_id, other_id from member_import_change where import_id = ?"
                    + " order by id desc")
            .param(key(importId))
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getObject(3)})
            .list();
    Map<Change, List<Object[]>> byKind = new java.util.EnumMap<>(Change.class);
    changes.forEach(
        c -> byKind.computeIfAbsent(Change.valueOf((String) c[0]), k -> new ArrayList<>()).add(c));
    // Memberships through JPA, so that the search index follows; links and people (not indexed)
    // in batches, each delete guarded so that what something else now depends on is kept.
    List<Membership> made = memberships.findAllById(targets(byKind, Change.MEMBERSHIP));
    memberships.deleteAll(made);
    List<Membership> approved =
        memberships.findAllById(targets(byKind, Change.APPROVAL)).stream()
            .filter(m -> m.status() == MembershipStatus.ACTIVE)
            .toList();
    approved.forEach(Membership::reopen);
    memberships.flush();
    int removed = made.size() + approved.size();
    removed +=
        updated(
            "delete from person_organisation where person_id = ? and organisation_id = ?",
            byKind.getOrDefault(Change.LINK, List.of()).stream()
                .map(c -> new Object[] {c[1], c[2]})
                .toList());
    removed +=
        updated(
            """
            delete from person where id = ? and merged_into_id is null
              and not exists (select 1 from person_organisation po where po.person_id = ?)
              and not exists (select 1 from post where post.person_id = ?)
              and not exists (select 1 from person m where m.merged_into_id = ?)""",
            byKind.getOrDefault(Change.PERSON, List.of()).stream()
                .map(c -> new Object[] {c[1], c[1], c[1], c[1]})
                .toList());
    for (long id : targets(byKind, Change.ORGANISATION)) {
      removed += removeOrganisation(id) ? 1 : 0;
    }
    audit.record(actor(), "directory:import-undone", importId, body.countyCode());
    return new Undone(removed, changes.size() - removed);
  }

  private static List<Long> targets(Map<Change, List<Object[]>> byKind, Change kind) {
    return byKind.getOrDefault(kind, List.of()).stream().map(c -> (Long) c[1]).toList();
  }

  /** Runs one statement per row in batches; how many rows it changed in all. */
  private int updated(String sql, List<Object[]> rows) {
    int total = 0;
    for (int[] counts : batch.batchUpdate(sql, rows, 1_000, MemberImports::setAll)) {
      for (int count : counts) {
        total += Math.max(count, 0);
      }
    }
    return total;
  }

  private static void setAll(java.sql.PreparedStatement ps, Object[] row)
      throws java.sql.SQLException {
    for (int i = 0; i < row.length; i++) {
      ps.setObject(i + 1, row[i]);
    }
  }

  private boolean removeOrganisation(long id) {
    Optional<Organisation> organisation = organisations.findById(id);
    if (organisation.isEmpty()) {
      return false;
    }
    people.flush();
    long depends =
        jdbc.sql(
                "select (select count(*) from person_organisation where organisation_id = :id)"
                    + " + (select count(*) from membership where organisation_id = :id)"
                    + " + (select count(*) from organisation where affiliated_to_id = :id)"
                    + " + (select count(*) from post where organisation_id = :id)"
                    + " + (select count(*) from body where secretariat_id = :id)")
            .param("id", id)
            .query(Long.class)
            .single();
    if (depends > 0) {
      return false;
    }
    organisations.delete(organisation.get());
    return true;
  }

  /**
   * The invalid rows as they were in the file, each with the reasons in a last column, in the
   * import's own format or the one asked for.
   */
  @Transactional(readOnly = true)
  public void writeInvalidRows(
      String bodyId, String importId, TabularFormat format, Locale locale, java.io.OutputStream out)
      throws IOException {
    Preview preview = preview(bodyId, importId);
    List<String> header = new ArrayList<>(preview.table().header());
    header.add(messages.getMessage("import.problems", null, locale));
    Map<Integer, RowPlan> byRow = new HashMap<>();
    preview.plan().rows().forEach(r -> byRow.put(r.row(), r));
    List<List<String>> rows = new ArrayList<>();
    for (TabularFiles.Row row : preview.table().rows()) {
      RowPlan plan = byRow.get(row.number());
      if (plan == null || plan.valid()) {
        continue;
      }
      List<String> cells =
          new ArrayList<>(row.cells().subList(0, Math.min(row.cells().size(), header.size() - 1)));
      while (cells.size() < header.size() - 1) {
        cells.add("");
      }
      cells.add(
          String.join(
              "; ",
              plan.problems().stream()
                  .map(p -> messages.getMessage(p.key(), p.args().toArray(), locale))
                  .toList()));
      rows.add(cells);
    }
    TabularExport.write(format, header, rows, out);
  }

  /**
   * One import of the body, without reading its file.
   *
   * @throws UserError 404 for an unknown body or import, 403 unless the user runs the body
   */
  @Transactional(readOnly = true)
  public Summary find(String bodyId, String importId) {
    return summary(managed(bodyId), importId);
  }

  private Body managed(String bodyId) {
    Body body = bodies.find(bodyId);
    if (!bodies.mayManage(body)) {
      throw UserError.forbidden();
    }
    return body;
  }

  private static final String SELECT =
      "select public_id, file_name, file_sha256, status, row_count, imported, invalid, created_by,"
          + " created_at, applied_at, undone_at, mapping from member_import";

  private static Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Summary(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Status.valueOf(rs.getString(4)),
        rs.getInt(5),
        rs.getInt(6),
        rs.getInt(7),
        rs.getString(8),
        instant(rs.getTimestamp(9)),
        instant(rs.getTimestamp(10)),
        instant(rs.getTimestamp(11)),
        decode(rs.getString(12)));
  }

  private static Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private Summary summary(Body body, String importId) {
    return jdbc.sql(SELECT + " where public_id = ? and body_id = ?")
        .params(importId == null ? "" : importId, body.id())
        .query(MemberImports::summary)
        .optional()
        .orElseThrow(() -> UserError.notFound("import.unknown"));
  }

  private long key(String importId) {
    return jdbc.sql("select id from member_import where public_id = ?")
        .param(importId)
        .query(Long.class)
        .single();
  }

  private Table table(Body body, String importId) {
    CachedTable cached = lastTable.get().get();
    if (cached != null && cached.key().equals(body.id() + ":" + importId)) {
      return cached.table();
    }
    byte[] content =
        jdbc.sql("select content from member_import where public_id = ? and body_id = ?")
            .params(importId, body.id())
            .query((rs, n) -> rs.getBytes(1))
            .optional()
            .orElseThrow(() -> UserError.notFound("import.unknown"));
    try {
      Table table = TabularFiles.read(new ByteArrayInputStream(content), null, Limits.DEFAULTS);
      keep(body, importId, table);
      return table;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record CachedTable(String key, Table table) {}

  private void keep(Body body, String importId, Table table) {
    lastTable.set(new SoftReference<>(new CachedTable(body.id() + ":" + importId, table)));
  }

  /** The mapping cut or padded to the table's columns. */
  private static List<ImportField> fit(List<ImportField> mapping, Table table) {
    List<ImportField> fitted = new ArrayList<>(mapping);
    while (fitted.size() < table.header().size()) {
      fitted.add(ImportField.IGNORE);
    }
    return List.copyOf(fitted.subList(0, table.header().size()));
  }

  private Snapshot snapshot(Body body) {
    String county = body.countyCode();
    Map<String, List<OrganisationRef>> organisationsByName = new HashMap<>();
    jdbc.sql("select id, name_key, home_ward_code from organisation where county_code = ?")
        .param(county)
        .query(
            rs -> {
              organisationsByName
                  .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                  .add(new OrganisationRef(rs.getLong(1), rs.getString(3)));
            });
    Map<String, Long> byEmail = new HashMap<>();
    Map<String, Long> byPhone = new HashMap<>();
    jdbc.sql(
            "select id, email, phone from person where county_code = ? and merged_into_id is null"
                + " order by id")
        .param(county)
        .query(
            rs -> {
              if (rs.getString(2) != null) {
                byEmail.putIfAbsent(rs.getString(2), rs.getLong(1));
              }
              if (rs.getString(3) != null) {
                byPhone.putIfAbsent(rs.getString(3), rs.getLong(1));
              }
            });
    Map<Long, Map<String, Long>> byOrganisationAndName = new HashMap<>();
    Set<List<Long>> links = new HashSet<>();
    jdbc.sql(
            "select po.person_id, po.organisation_id, p.name_key from person_organisation po"
                + " join person p on p.id = po.person_id"
                + " where p.county_code = ? and p.merged_into_id is null order by p.id")
        .param(county)
        .query(
            rs -> {
              links.add(List.of(rs.getLong(1), rs.getLong(2)));
              byOrganisationAndName
                  .computeIfAbsent(rs.getLong(2), k -> new HashMap<>())
                  .putIfAbsent(rs.getString(3), rs.getLong(1));
            });
    Map<Long, MembershipStatus> memberships = new HashMap<>();
    jdbc.sql("select organisation_id, status from membership where body_id = ?")
        .param(body.id())
        .query(
            rs -> {
              memberships.put(rs.getLong(1), MembershipStatus.valueOf(rs.getString(2)));
            });
    Map<String, String> wards = new HashMap<>();
    for (SubCounty sub : geography.subCounties(county)) {
      for (Ward ward : geography.wardsOfSubCounty(sub.code())) {
        wards.put(OrganisationDetails.key(ward.code()), ward.code());
        wards.putIfAbsent(OrganisationDetails.key(ward.name()), ward.code());
        wards.putIfAbsent(OrganisationDetails.key(ward.name() + " ward"), ward.code());
      }
    }
    Map<String, OrganisationType> types = new HashMap<>();
    for (OrganisationType type : OrganisationType.values()) {
      types.put(OrganisationDetails.key(type.name()), type);
      for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("sw"))) {
        types.putIfAbsent(
            OrganisationDetails.key(messages.getMessage(type.messageKey(), null, locale)), type);
      }
    }
    return new Snapshot(
        organisationsByName,
        byEmail,
        byPhone,
        byOrganisationAndName,
        links,
        memberships,
        wards,
        types);
  }

  private static String encode(List<ImportField> mapping) {
    return String.join(",", mapping.stream().map(Enum::name).toList());
  }

  private static List<ImportField> decode(String mapping) {
    if (mapping == null || mapping.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(mapping.split(","))
        .map(f -> Input.parse(ImportField.class, f))
        .map(f -> f == null ? ImportField.IGNORE : f)
        .toList();
  }

  private static String safeName(String fileName) {
    String name = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "");
    name = name.replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      name = "upload";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
