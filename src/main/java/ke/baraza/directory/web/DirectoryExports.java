package ke.baraza.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import ke.baraza.directory.DirectorySearch;
import ke.baraza.directory.internal.Body;
import ke.baraza.directory.internal.BodyService;
import ke.baraza.directory.internal.OpenDataQueries;
import ke.baraza.directory.internal.OpenDataQueries.BodyRow;
import ke.baraza.directory.internal.OpenDataQueries.MemberRow;
import ke.baraza.directory.internal.OpenDataQueries.OrganisationRow;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.TabularExport;
import ke.baraza.platform.TabularFormat;
import ke.baraza.platform.UserError;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * CSV and XLSX downloads of the directory's public lists: the search (same filters as {@code
 * /directory}), a body's active members and a county's bodies. Streamed a chunk of rows at a time;
 * headers and labels in the reader's language; public fields only.
 */
@Controller
class DirectoryExports {

  private final OpenDataQueries queries;
  private final BodyService bodies;
  private final GeographyApi geography;
  private final MessageSource messages;

  DirectoryExports(
      OpenDataQueries queries, BodyService bodies, GeographyApi geography, MessageSource messages) {
    this.queries = queries;
    this.bodies = bodies;
    this.geography = geography;
    this.messages = messages;
  }

  @GetMapping("/directory/export.csv")
  void directoryCsv(DirectoryFilters filters, Locale locale, HttpServletResponse response)
      throws IOException {
    directory(TabularFormat.CSV, filters.toSearch(geography), locale, response);
  }

  @GetMapping("/directory/export.xlsx")
  void directoryXlsx(DirectoryFilters filters, Locale locale, HttpServletResponse response)
      throws IOException {
    directory(TabularFormat.XLSX, filters.toSearch(geography), locale, response);
  }

  @GetMapping("/bodies/{id}/members.csv")
  void membersCsv(@PathVariable String id, Locale locale, HttpServletResponse response)
      throws IOException {
    members(TabularFormat.CSV, bodies.find(id), locale, response);
  }

  @GetMapping("/bodies/{id}/members.xlsx")
  void membersXlsx(@PathVariable String id, Locale locale, HttpServletResponse response)
      throws IOException {
    members(TabularFormat.XLSX, bodies.find(id), locale, response);
  }

  @GetMapping("/bodies/export.csv")
  void bodiesCsv(
      @RequestParam(defaultValue = "") String county, Locale locale, HttpServletResponse response)
      throws IOException {
    bodies(TabularFormat.CSV, county(county), locale, response);
  }

  @GetMapping("/bodies/export.xlsx")
  void bodiesXlsx(
      @RequestParam(defaultValue = "") String county, Locale locale, HttpServletResponse response)
      throws IOException {
    bodies(TabularFormat.XLSX, county(county), locale, response);
  }

  /** The filters as {@code /directory} reads them: an unknown county or type means "any". */
  private void directory(
      TabularFormat format, DirectorySearch search, Locale locale, HttpServletResponse response)
      throws IOException {
    List<String> header =
        headers(
            locale,
            "id",
            "identifier",
            "name",
            "acronym",
            "type",
            "status",
            "verified",
            "county",
            "subcounty",
            "ward",
            "registration-date",
            "website",
            "affiliated-to");
    Function<OrganisationRow, List<?>> row =
        o ->
            Arrays.asList(
                o.publicId(),
                o.identifier(),
                o.name(),
                o.acronym(),
                t(o.type().messageKey(), locale),
                t(o.status().messageKey(), locale),
                o.verified(),
                o.countyCode(),
                o.subCountyName(),
                o.homeWardName(),
                o.registrationDate(),
                o.website(),
                o.parentName());
    String name = search.countyCode().isEmpty() ? "" : "-" + search.countyCode();
    send(
        format,
        "baraza-directory" + name,
        header,
        map(queries.organisations(search), row),
        response);
  }

  private void members(TabularFormat format, Body body, Locale locale, HttpServletResponse response)
      throws IOException {
    List<String> header =
        headers(
            locale,
            "id",
            "identifier",
            "name",
            "acronym",
            "type",
            "subcounty",
            "ward",
            "since",
            "groups");
    Function<MemberRow, List<?>> row =
        m ->
            Arrays.asList(
                m.publicId(),
                m.identifier(),
                m.name(),
                m.acronym(),
                t(m.type().messageKey(), locale),
                m.subCountyName(),
                m.homeWardName(),
                m.since(),
                String.join("; ", m.groups()));
    send(
        format,
        "baraza-members-" + body.publicId(),
        header,
        map(queries.activeMembers(body), row),
        response);
  }

  private void bodies(
      TabularFormat format, County county, Locale locale, HttpServletResponse response)
      throws IOException {
    List<String> header =
        headers(locale, "id", "name", "acronym", "kind", "level", "area", "members", "description");
    List<BodyRow> rows = queries.bodies(county.code(), 0, Integer.MAX_VALUE);
    Function<BodyRow, List<?>> row =
        b ->
            Arrays.asList(
                b.publicId(),
                b.name(),
                b.acronym(),
                t(b.kind().messageKey(), locale),
                t(b.level().messageKey(), locale),
                b.areaName(),
                b.activeMembers(),
                b.description());
    send(format, "baraza-bodies-" + county.code(), header, map(rows, row), response);
  }

  private void send(
      TabularFormat format,
      String baseName,
      List<String> header,
      Iterable<? extends List<?>> rows,
      HttpServletResponse response)
      throws IOException {
    format.download(response, baseName);
    TabularExport.write(format, header, rows, response.getOutputStream());
  }

  private List<String> headers(Locale locale, String... columns) {
    return Arrays.stream(columns).map(c -> t("opendata.column." + c, locale)).toList();
  }

  private String t(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  /** Rows mapped as they are read, never all at once. */
  private static <T> Iterable<List<?>> map(Iterable<T> source, Function<T, List<?>> mapper) {
    return () -> StreamSupport.stream(source.spliterator(), false).<List<?>>map(mapper).iterator();
  }

  private County county(String code) {
    return geography
        .county(code)
        .orElseThrow(
            () ->
                UserError.notFound(
                    "geography.county.unknown", code.replaceAll("[^0-9A-Za-z]", "")));
  }
}
