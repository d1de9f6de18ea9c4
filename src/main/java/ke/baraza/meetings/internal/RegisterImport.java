package ke.baraza.meetings.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ke.baraza.directory.Demographics.AgeBand;
import ke.baraza.directory.Demographics.Gender;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.meetings.internal.AttendanceService.Entry;
import ke.baraza.meetings.internal.MeetingService.MeetingPage;
import ke.baraza.platform.TabularExport;
import ke.baraza.platform.TabularFileRejected;
import ke.baraza.platform.TabularFiles;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Row;
import ke.baraza.platform.TabularFiles.Table;
import ke.baraza.platform.TabularFormat;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PublicId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A paper attendance register typed into a CSV or XLSX file, entered in one go. Each row is checked
 * by the same rules as a walk-in at the door; valid rows go in even when other rows are bad, a
 * person already in the register is counted once, and the bad rows are kept to download with a
 * "Problems" column, corrected and uploaded again. Uploading the same file twice adds nobody.
 */
@Service
public class RegisterImport {

  /** The most rows a register may have: a large forum, not a directory. */
  public static final int MAX_ROWS = 5_000;

  private static final int MAX_STORED_CELLS = 8_000;

  private final AttendanceService attendance;
  private final GeographyApi geography;
  private final JdbcClient jdbc;
  private final MessageSource messages;
  private final java.time.Clock clock;
  private final TransactionTemplate tx;
  private final JdbcTemplate batch;

  RegisterImport(
      AttendanceService attendance,
      GeographyApi geography,
      JdbcClient jdbc,
      MessageSource messages,
      java.time.Clock clock,
      TransactionTemplate tx,
      JdbcTemplate batch) {
    this.batch = batch;
    this.attendance = attendance;
    this.geography = geography;
    this.jdbc = jdbc;
    this.messages = messages;
    this.clock = clock;
    this.tx = tx;
  }

  /** A bad row: its number in the file (the header is row 1) and its message keys. */
  public record Problem(int row, List<String> keys) {}

  /**
   * What an upload did.
   *
   * @param ignored headers of the columns that were left out
   */
  public record Result(
      String publicId,
      String fileName,
      int rows,
      int signedIn,
      int alreadyPresent,
      List<Problem> problems,
      List<String> ignored,
      Instant at) {}

  /**
   * Enters a register into the meeting's attendance.
   *
   * @throws UserError 404/403 as for the register; 409 once the meeting is closed or cancelled
   *     (then nothing is entered or kept)
   * @throws TabularFileRejected 400 for a file that is not a table, that has no rows or more than
   *     {@link #MAX_ROWS}, or that has no name column; nothing is entered or kept
   */
  public Result upload(String meetingId, String fileName, InputStream in) throws IOException {
    MeetingPage page = attendance.register(meetingId);
    Meeting meeting = page.meeting();
    AttendanceService.requireOpen(meeting);
    byte[] content = in.readNBytes((int) Limits.DEFAULTS.maxFileBytes() + 1);
    Table table = TabularFiles.read(new ByteArrayInputStream(content), fileName, Limits.DEFAULTS);
    if (table.rows().isEmpty()) {
      throw new TabularFileRejected(HttpStatus.BAD_REQUEST, "register.no-rows");
    }
    if (table.rows().size() > MAX_ROWS) {
      throw new TabularFileRejected(HttpStatus.BAD_REQUEST, "register.too-many-rows");
    }
    Map<RegisterColumn, Integer> columns = new EnumMap<>(RegisterColumn.class);
    List<String> ignored = new ArrayList<>();
    for (int c = 0; c < table.header().size(); c++) {
      Optional<RegisterColumn> column = RegisterColumn.of(table.header().get(c));
      if (column.isPresent() && !columns.containsKey(column.get())) {
        columns.put(column.get(), c);
      } else if (!table.header().get(c).isBlank()) {
        ignored.add(table.header().get(c));
      }
    }
    if (!columns.containsKey(RegisterColumn.NAME)
        && !(columns.containsKey(RegisterColumn.FIRST_NAME)
            || columns.containsKey(RegisterColumn.LAST_NAME))) {
      throw new TabularFileRejected(HttpStatus.BAD_REQUEST, "register.no-name-column");
    }
    Values values = new Values(meeting.countyCode(), attendance.organisations(page));
    List<Entry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Row> badRows = new ArrayList<>();
    int blank = 0;
    for (Row row : table.rows()) {
      if (row.cells().stream().allMatch(c -> c == null || c.isBlank())) {
        blank++;
        continue;
      }
      Map<String, String> errors = new LinkedHashMap<>();
      Entry entry = attendance.walkIn(meeting, values.form(row, columns), errors);
      if (entry == null) {
        problems.add(new Problem(row.number(), List.copyOf(errors.values())));
        badRows.add(row);
      } else {
        entries.add(entry);
      }
    }
    String id = PublicId.next();
    Instant at = clock.instant();
    int rows = table.rows().size() - blank;
    String name = fileName == null || fileName.isBlank() ? "register" : fileName.strip();
    String safeName = name.length() > 200 ? name.substring(0, 200) : name;
    int added =
        tx.execute(
            status -> {
              int n = attendance.addAll(meeting, entries);
              jdbc.sql(
                      """
                      insert into attendance_import (public_id, meeting_id, file_name, header,
                        row_count, signed_in, already_present, problem_count, created_by,
                        created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                  .params(
                      id,
                      meeting.id(),
                      safeName,
                      encode(table.header()),
                      rows,
                      n,
                      entries.size() - n,
                      problems.size(),
                      MeetingService.actor(),
                      Timestamp.from(at))
                  .update();
              Long importId =
                  jdbc.sql("select id from attendance_import where public_id = ?")
                      .param(id)
                      .query(Long.class)
                      .single();
              List<Object[]> lines = new ArrayList<>();
              for (int i = 0; i < badRows.size(); i++) {
                lines.add(
                    new Object[] {
                      importId,
                      badRows.get(i).number(),
                      encode(badRows.get(i).cells()),
                      String.join(" ", problems.get(i).keys())
                    });
              }
              batch.batchUpdate(
                  "insert into attendance_import_problem (import_id, row_number, cells, problems)"
                      + " values (?, ?, ?, ?)",
                  lines);
              return n;
            });
    return new Result(
        id, safeName, rows, added, entries.size() - added, problems, List.copyOf(ignored), at);
  }

  /** An earlier upload, for the register's history. */
  public record Summary(
      String publicId,
      String fileName,
      int rows,
      int signedIn,
      int alreadyPresent,
      int problems,
      Instant at) {}

  /** The meeting's uploads, latest first, at most 20. */
  public List<Summary> history(Meeting meeting) {
    return jdbc.sql(
            """
            select public_id, file_name, row_count, signed_in, already_present, problem_count,
              created_at from attendance_import where meeting_id = ?
            order by created_at desc, id desc fetch first 20 rows only""")
        .param(meeting.id())
        .query(
            (rs, n) ->
                new Summary(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getInt(6),
                    rs.getTimestamp(7).toInstant()))
        .list();
  }

  /** A bad row of an upload as it was in the file, with its message keys. */
  public record ProblemRow(int row, List<String> cells, List<String> keys) {}

  /** An upload of the meeting, with the header and bad rows of its file. */
  public record Report(Summary summary, List<String> header, List<ProblemRow> problems) {}

  /**
   * One upload of the meeting.
   *
   * @throws UserError 404 for an upload of another meeting or none; 403 as for the register
   */
  public Report report(String meetingId, String importId) {
    Meeting meeting = attendance.register(meetingId).meeting();
    Stored stored = stored(meeting, importId);
    Summary summary =
        history(meeting).stream()
            .filter(s -> s.publicId().equals(importId))
            .findFirst()
            .orElseThrow(() -> UserError.notFound("register.unknown"));
    List<ProblemRow> rows =
        jdbc.sql(
                "select row_number, cells, problems from attendance_import_problem"
                    + " where import_id = ? order by row_number")
            .param(stored.id())
            .query(
                (rs, n) ->
                    new ProblemRow(
                        rs.getInt(1), decode(rs.getString(2)), List.of(rs.getString(3).split(" "))))
            .list();
    return new Report(summary, decode(stored.header()), rows);
  }

  private Stored stored(Meeting meeting, String importId) {
    return jdbc.sql(
            "select id, header from attendance_import where public_id = ? and meeting_id = ?")
        .params(importId == null ? "" : importId, meeting.id())
        .query(Stored.class)
        .optional()
        .orElseThrow(() -> UserError.notFound("register.unknown"));
  }

  private record Stored(Long id, String header) {}

  /**
   * Writes an upload's bad rows as they were, with a last column naming their problems in {@code
   * locale}.
   *
   * @throws UserError 404 for an upload of another meeting or none; 403 as for the register
   */
  public void problems(
      String meetingId, String importId, TabularFormat format, Locale locale, OutputStream out)
      throws IOException {
    Meeting meeting = attendance.register(meetingId).meeting();
    Stored stored = stored(meeting, importId);
    List<String> header = new ArrayList<>(decode(stored.header()));
    header.add(messages.getMessage("register.problems", null, locale));
    List<List<String>> rows = new ArrayList<>();
    jdbc.sql(
            "select cells, problems from attendance_import_problem where import_id = ?"
                + " order by row_number")
        .param(stored.id())
        .query(
            (rs, n) -> {
              List<String> cells = new ArrayList<>(decode(rs.getString(1)));
              while (cells.size() < header.size() - 1) {
                cells.add("");
              }
              cells.add(
                  String.join(
                      "; ",
                      Arrays.stream(rs.getString(2).split(" "))
                          .map(key -> messages.getMessage(key, null, locale))
                          .toList()));
              return cells;
            })
        .list()
        .forEach(rows::add);
    TabularExport.write(format, header, rows, out);
  }

  /** Turns a row's cells into the fields of a walk-in, as they would be typed at the door. */
  private final class Values {

    private final Map<String, String> wardsByKey = new HashMap<>();
    private final Map<String, String> organisationsByKey = new HashMap<>();

    Values(String countyCode, List<Contact> organisations) {
      for (Ward w : geography.wards(countyCode, new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
        wardsByKey.put(w.code(), w.code());
        String key = RegisterColumn.key(w.name());
        wardsByKey.put(key, wardsByKey.containsKey(key) ? "" : w.code());
        wardsByKey.putIfAbsent(RegisterColumn.key(w.name() + " ward"), w.code());
      }
      organisations.forEach(
          o -> organisationsByKey.put(RegisterColumn.key(o.name()), o.publicId()));
    }

    WalkInForm form(Row row, Map<RegisterColumn, Integer> columns) {
      String name = cell(row, columns, RegisterColumn.NAME);
      if (name.isEmpty()) {
        name =
            (cell(row, columns, RegisterColumn.FIRST_NAME)
                    + " "
                    + cell(row, columns, RegisterColumn.LAST_NAME))
                .strip();
      }
      String organisation = cell(row, columns, RegisterColumn.ORGANISATION);
      String organisationId = organisationsByKey.getOrDefault(RegisterColumn.key(organisation), "");
      String ward = cell(row, columns, RegisterColumn.WARD);
      String wardCode = wardsByKey.get(RegisterColumn.key(ward));
      return new WalkInForm(
          name,
          organisationId.isEmpty() ? organisation : "",
          organisationId,
          cell(row, columns, RegisterColumn.ROLE),
          cell(row, columns, RegisterColumn.PHONE),
          wardCode == null || wardCode.isEmpty() ? ward : wardCode,
          gender(cell(row, columns, RegisterColumn.GENDER)),
          ageBand(cell(row, columns, RegisterColumn.AGE)),
          yesNo(cell(row, columns, RegisterColumn.DISABILITY)),
          yesNo(cell(row, columns, RegisterColumn.CONSENT)));
    }

    private static String cell(Row row, Map<RegisterColumn, Integer> columns, RegisterColumn c) {
      Integer index = columns.get(c);
      String value = index == null ? null : row.cell(index);
      return value == null ? "" : value.strip();
    }
  }

  /** FEMALE, MALE or INTERSEX from what a register says; anything else is kept to be refused. */
  static String gender(String text) {
    return switch (RegisterColumn.key(text)) {
      case "" -> "";
      case "f", "female", "woman", "w", "mwanamke", "ke", "k" -> Gender.FEMALE.name();
      case "m", "male", "man", "mwanamume", "mwanaume", "me", "mume" -> Gender.MALE.name();
      case "intersex", "i" -> Gender.INTERSEX.name();
      default -> text;
    };
  }

  /** An age band from a band ("18-24", "60+") or an age in years; anything else is kept. */
  static String ageBand(String text) {
    String key = RegisterColumn.key(text);
    if (key.matches("[0-9]{1,3}")) {
      int age = Integer.parseInt(key);
      if (age >= 18 && age <= 24) {
        return AgeBand.AGE_18_24.name();
      } else if (age >= 25 && age <= 35) {
        return AgeBand.AGE_25_35.name();
      } else if (age >= 36 && age <= 59) {
        return AgeBand.AGE_36_59.name();
      } else if (age >= 60 && age <= 120) {
        return AgeBand.AGE_60_PLUS.name();
      }
      return text;
    }
    return switch (key) {
      case "" -> "";
      case "18 24" -> AgeBand.AGE_18_24.name();
      case "25 35" -> AgeBand.AGE_25_35.name();
      case "36 59" -> AgeBand.AGE_36_59.name();
      case "60+", "60 +", "60 and above", "60 na zaidi" -> AgeBand.AGE_60_PLUS.name();
      default -> text;
    };
  }

  /** {@code yes}, {@code no} or blank from what a register says; anything else is kept. */
  static String yesNo(String text) {
    return switch (RegisterColumn.key(text)) {
      case "" -> "";
      case "yes", "y", "true", "1", "ndiyo", "ndio", "x" -> "yes";
      case "no", "n", "false", "0", "hapana", "la" -> "no";
      default -> text;
    };
  }

  private static String encode(List<String> cells) {
    String line = CSVFormat.RFC4180.format(cells.toArray());
    if (line.length() <= MAX_STORED_CELLS) {
      return line;
    }
    int each = Math.max(1, MAX_STORED_CELLS / Math.max(1, cells.size()) - 4);
    return CSVFormat.RFC4180.format(
        cells.stream()
            .map(c -> c == null || c.length() <= each ? c : c.substring(0, each))
            .toArray());
  }

  private static List<String> decode(String line) {
    try {
      List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(line)).getRecords();
      return records.isEmpty() ? List.of() : records.getFirst().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
