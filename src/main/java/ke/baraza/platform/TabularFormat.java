package ke.baraza.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The two table formats Baraza reads and writes. */
public enum TabularFormat {
  /** RFC 4180 text; written as UTF-8 with a byte order mark so that Excel shows every letter. */
  CSV("text/csv;charset=UTF-8", "csv"),
  /** Office Open XML workbook (Excel 2007 and later). */
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

  private final String contentType;
  private final String extension;

  TabularFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  /** The media type to send with a download of this format. */
  public String contentType() {
    return contentType;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /**
   * Makes {@code response} a download of a file of this format named {@code baseName} plus its
   * extension: content type and {@code Content-Disposition: attachment}. Call it only once access
   * was checked, before anything is written.
   */
  public void download(HttpServletResponse response, String baseName) {
    response.setContentType(contentType);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(baseName + "." + extension).build().toString());
  }
}
