package ke.baraza.budget.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import ke.baraza.budget.FiscalYear;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.FileKind;
import ke.baraza.platform.FileMetadata;
import ke.baraza.platform.FileRejected;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.StoredFile;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PDFs of a milestone's budget document: each upload by the county's staff is a new version, in
 * English or Kiswahili, kept with its metadata removed and its text extracted so that the county's
 * documents can be searched. Every version is a public record once uploaded.
 */
@Service
public class BudgetDocuments {

  private static final int SNIPPET_BEFORE = 80;
  private static final int SNIPPET_LENGTH = 240;

  private final JdbcClient jdbc;
  private final BudgetCalendar calendar;
  private final BudgetPermissions permissions;
  private final FileStore files;
  private final AuditLog audit;
  private final Clock clock;

  BudgetDocuments(
      JdbcClient jdbc,
      BudgetCalendar calendar,
      BudgetPermissions permissions,
      FileStore files,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.permissions = permissions;
    this.files = files;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * One version of a document.
   *
   * @param uploadedBy the uploader's account public id (shown to the county's staff only)
   * @param searchable whether the PDF has a text layer (a scanned PDF has none)
   */
  public record Version(
      int version,
      String language,
      String fileName,
      long size,
      String note,
      boolean searchable,
      String uploadedBy,
      Instant uploadedAt) {

    /** The message key of the language's name. */
    public String languageKey() {
      return "budget.document.language." + language;
    }

    /** The size in kilobytes, rounded up. */
    public long kilobytes() {
      return (size + 1023) / 1024;
    }
  }

  /** What a staff member sends with a PDF: its language ({@code en}, {@code sw}) and a note. */
  public record Upload(String language, String note) {
    public static Upload blank() {
      return new Upload("en", "");
    }
  }

  /** A document version whose text holds the words searched, with the text around the first. */
  public record Hit(String fiscalYear, String code, int version, String language, String snippet) {

    /** The message key of the milestone's name. */
    public String messageKey() {
      return "budget.milestone." + code.toLowerCase(Locale.ROOT);
    }

    /** The message key of the language's name. */
    public String languageKey() {
      return "budget.document.language." + language;
    }
  }

  /**
   * Keeps a new version of a milestone's document: the next version number, the PDF with its
   * metadata removed ({@link FileMetadata}), its text if it has any. Audited as {@code
   * budget:document-uploaded}.
   *
   * @param content the upload, not closed; null when none was sent
   * @param fileName the uploader's name of the file, or null
   * @return the new version's number
   * @throws UserError 403 for anyone but the county's staff; 404 for an unknown milestone; 400 for
   *     a language other than {@code en} or {@code sw}, a note over 500 characters, or a PDF that
   *     cannot be read (damaged, encrypted)
   * @throws FileRejected 400 when empty, 413 over the store's limit, 415 when not a PDF by its
   *     first bytes; nothing is kept then
   */
  @Transactional
  public int upload(
      String countyCode,
      FiscalYear year,
      String code,
      Upload form,
      InputStream content,
      String fileName) {
    SignedInUser user = permissions.requireCountyStaff(countyCode);
    calendar.milestone(countyCode, year, code);
    String language = form.language() == null ? "" : form.language().strip();
    if (!language.equals("en") && !language.equals("sw")) {
      throw UserError.badRequest("budget.document.language-invalid");
    }
    String note = form.note() == null ? "" : form.note().strip();
    if (note.length() > 500) {
      throw UserError.badRequest("budget.text.too-long");
    }
    byte[] pdf = BudgetDocumentPdf.clean(read(content));
    String text = BudgetDocumentPdf.text(pdf);
    long milestoneId = calendar.lockRow(countyCode, year, code);
    int version =
        jdbc.sql("select coalesce(max(version), 0) + 1 from budget_document where milestone_id = ?")
            .param(milestoneId)
            .query(Integer.class)
            .single();
    StoredFile stored;
    try {
      stored = files.store(new ByteArrayInputStream(pdf), fileName, Set.of(FileKind.PDF), "budget");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jdbc.sql(
            """
            insert into budget_document (milestone_id, county_code, version, language, file_id,
              file_name, size_bytes, note, has_text, text_content, uploaded_by, uploaded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            milestoneId,
            countyCode,
            version,
            language,
            stored.publicId(),
            stored.name(),
            stored.size(),
            note.isEmpty() ? null : note,
            text != null,
            text,
            user.publicId(),
            OffsetDateTime.now(clock))
        .update();
    audit.record(
        user.publicId(),
        "budget:document-uploaded",
        BudgetCalendar.target(countyCode, year, code) + "/" + version,
        countyCode);
    return version;
  }

  /** The versions of a milestone's document, newest first; empty when none was uploaded. */
  @Transactional(readOnly = true)
  public List<Version> versions(String countyCode, FiscalYear year, String code) {
    return jdbc.sql(
            """
            select d.version, d.language, d.file_name, d.size_bytes, d.note, d.has_text,
                   d.uploaded_by, d.uploaded_at
            from budget_document d join budget_milestone m on m.id = d.milestone_id
            where m.county_code = ? and m.fiscal_year = ? and m.code = ?
            order by d.version desc
            """)
        .params(countyCode, year.startYear(), code)
        .query(
            (rs, n) ->
                new Version(
                    rs.getInt("version"),
                    rs.getString("language"),
                    rs.getString("file_name"),
                    rs.getLong("size_bytes"),
                    rs.getString("note"),
                    rs.getBoolean("has_text"),
                    rs.getString("uploaded_by"),
                    rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /**
   * The stored PDF of one version, for anyone: budget documents are public records.
   *
   * @throws UserError 404 when there is no such version
   */
  @Transactional(readOnly = true)
  public StoredFile file(String countyCode, FiscalYear year, String code, int version) {
    Optional<String> fileId =
        jdbc.sql(
                """
                select d.file_id from budget_document d
                join budget_milestone m on m.id = d.milestone_id
                where m.county_code = ? and m.fiscal_year = ? and m.code = ? and d.version = ?
                """)
            .params(countyCode, year.startYear(), code, version)
            .query(String.class)
            .optional();
    return fileId
        .flatMap(files::find)
        .orElseThrow(() -> UserError.notFound("budget.document.none"));
  }

  /**
   * The document versions of a county whose text holds every word of {@code query} (any case),
   * newest fiscal year first, each with the text around the first word. A plain {@code like} scan:
   * enough for one county's few hundred documents (docs/decisions.md).
   *
   * @param query words separated by spaces; blank finds nothing
   * @return a page of hits, two queries whatever its size
   */
  @Transactional(readOnly = true)
  public PageResult<Hit> search(String countyCode, String query, PageRequest page) {
    List<String> words = words(query);
    if (words.isEmpty()) {
      return new PageResult<>(List.of(), page.page(), page.size(), 0);
    }
    StringBuilder where = new StringBuilder("d.county_code = :county and d.has_text");
    for (int i = 0; i < words.size(); i++) {
      where.append(" and lower(d.text_content) like :w").append(i).append(" escape '!'");
    }
    long total =
        bind(jdbc.sql("select count(*) from budget_document d where " + where), countyCode, words)
            .query(Long.class)
            .single();
    List<Hit> hits =
        bind(
                jdbc.sql(
                    """
                    select m.fiscal_year, m.code, d.version, d.language,
                           substr(d.text_content,
                                  greatest(1, position(:first in lower(d.text_content)) - :before),
                                  :length) snippet
                    from budget_document d join budget_milestone m on m.id = d.milestone_id
                    where %s
                    order by m.fiscal_year desc, m.code, d.version desc
                    offset :offset rows fetch next :size rows only
                    """
                        .formatted(where)),
                countyCode,
                words)
            .param("first", words.getFirst())
            .param("before", SNIPPET_BEFORE)
            .param("length", SNIPPET_LENGTH)
            .param("offset", page.offset())
            .param("size", page.size())
            .query(
                (rs, n) ->
                    new Hit(
                        new FiscalYear(rs.getInt("fiscal_year")).label(),
                        rs.getString("code"),
                        rs.getInt("version"),
                        rs.getString("language"),
                        rs.getString("snippet").replaceAll("\\s+", " ").strip()))
            .list();
    return new PageResult<>(hits, page.page(), page.size(), total);
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec sql, String countyCode, List<String> words) {
    sql = sql.param("county", countyCode);
    for (int i = 0; i < words.size(); i++) {
      String escaped = words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_");
      sql = sql.param("w" + i, "%" + escaped + "%");
    }
    return sql;
  }

  /** At most five distinct lower-case words of 1–100 characters. */
  static List<String> words(String query) {
    if (query == null) {
      return List.of();
    }
    return Arrays.stream(query.toLowerCase(Locale.ROOT).strip().split("\\s+"))
        .filter(w -> !w.isEmpty() && w.length() <= 100)
        .distinct()
        .limit(5)
        .toList();
  }

  private byte[] read(InputStream content) {
    if (content == null) {
      throw new FileRejected(HttpStatus.BAD_REQUEST, FileRejected.EMPTY);
    }
    try {
      byte[] bytes =
          content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, files.maxBytes() + 1));
      if (bytes.length > files.maxBytes()) {
        throw new FileRejected(
            HttpStatus.PAYLOAD_TOO_LARGE,
            FileRejected.TOO_LARGE,
            Math.max(1, files.maxBytes() / (1024 * 1024)));
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
