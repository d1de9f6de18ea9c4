package ke.baraza.feedback.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import ke.baraza.feedback.CaseStatus;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.FileMetadata;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.StoredFile;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases whose reporters allowed publication, for anyone: the description, the ward, the status and
 * the photos with their metadata removed ({@link FileMetadata}); never the reporter's contact or
 * replies. Cases without consent are not listed, and their photos are never served.
 */
@Service
public class PublicCases {

  /** The largest photo read into memory to be cleaned; intake's own limit is smaller. */
  static final long MAX_PHOTO_BYTES = 20L * 1024 * 1024;

  /** A published case in the list. */
  public record Listed(
      String reference,
      String serviceAreaEn,
      String serviceAreaSw,
      String wardCode,
      String wardName,
      CaseStatus status,
      Instant filedAt,
      String description,
      int photos) {

    public String serviceArea(Locale locale) {
      return "sw".equals(locale.getLanguage()) ? serviceAreaSw : serviceAreaEn;
    }
  }

  /** A published photo, cleaned: its bytes and media type. */
  public record Photo(byte[] content, String mediaType) {}

  private record Row(
      String reference,
      String nameEn,
      String nameSw,
      String wardCode,
      String status,
      OffsetDateTime createdAt,
      String description,
      int photos) {}

  private final JdbcClient jdbc;
  private final GeographyApi geography;
  private final FileStore files;

  PublicCases(JdbcClient jdbc, GeographyApi geography, FileStore files) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.files = files;
  }

  /**
   * A page of the county's published cases, newest first (three queries).
   *
   * @param wardCode only this ward's cases, or null for all
   */
  @Transactional(readOnly = true)
  public PageResult<Listed> page(String countyCode, String wardCode, PageRequest page) {
    boolean byWard = wardCode != null && wardCode.matches("\\d{4}");
    String where =
        " where c.county_code = :county and c.publish_consent = true"
            + (byWard ? " and c.ward_code = :ward" : "");
    Map<String, Object> params =
        byWard ? Map.of("county", countyCode, "ward", wardCode) : Map.of("county", countyCode);
    long total =
        jdbc.sql("select count(*) from feedback_case c" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Row> rows =
        jdbc.sql(
                """
                select c.reference, a.name_en, a.name_sw, c.ward_code, c.status, c.created_at,
                       c.description,
                       (select count(*) from feedback_case_photo p where p.case_id = c.id) as photos
                from feedback_case c join feedback_service_area a on a.id = c.service_area_id"""
                    + where
                    + " order by c.created_at desc, c.id desc limit "
                    + page.size()
                    + " offset "
                    + page.offset())
            .params(params)
            .query(Row.class)
            .list();
    Map<String, Ward> wards =
        geography.wards(rows.stream().map(Row::wardCode).collect(Collectors.toSet()));
    List<Listed> items =
        rows.stream()
            .map(
                r ->
                    new Listed(
                        r.reference(),
                        r.nameEn(),
                        r.nameSw(),
                        r.wardCode(),
                        wards.containsKey(r.wardCode())
                            ? wards.get(r.wardCode()).name()
                            : r.wardCode(),
                        CaseStatus.valueOf(r.status()),
                        r.createdAt().toInstant(),
                        r.description(),
                        r.photos()))
            .toList();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /**
   * A photo of a published case, without its metadata.
   *
   * @param position 1 for the first photo
   * @throws UserError 404 when the case is not the county's, not published, has no such photo, or
   *     the photo cannot be cleaned (it is then never served)
   */
  @Transactional(readOnly = true)
  public Photo photo(String countyCode, String reference, int position) {
    String fileId =
        Codes.reference(reference)
            .flatMap(
                ref ->
                    jdbc.sql(
                            """
                            select p.file_id from feedback_case_photo p
                            join feedback_case c on c.id = p.case_id
                            where c.reference = ? and c.county_code = ? and c.publish_consent = true
                              and p.position = ?""")
                        .params(ref, countyCode, position - 1)
                        .query(String.class)
                        .optional())
            .orElseThrow(() -> UserError.notFound("open311.photo.unknown"));
    StoredFile file =
        files
            .find(fileId)
            .filter(f -> f.size() <= MAX_PHOTO_BYTES)
            .orElseThrow(() -> UserError.notFound("open311.photo.unknown"));
    try (InputStream in = files.open(file)) {
      return new Photo(FileMetadata.strip(in.readAllBytes()), file.mediaType());
    } catch (IllegalArgumentException cannotClean) {
      throw UserError.notFound("open311.photo.unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
