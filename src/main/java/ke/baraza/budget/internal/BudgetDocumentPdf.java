package ke.baraza.budget.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import ke.baraza.platform.FileKind;
import ke.baraza.platform.FileMetadata;
import ke.baraza.platform.FileRejected;
import ke.baraza.platform.UserError;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.http.HttpStatus;

/** Checks that an upload is a readable PDF, removes its metadata and reads its text. */
final class BudgetDocumentPdf {

  /** The most text kept of one PDF, in characters (the column's length). */
  static final int MAX_TEXT = 10_000_000;

  private BudgetDocumentPdf() {}

  /**
   * The PDF without its metadata.
   *
   * @throws FileRejected 400 when empty, 415 when its first bytes are not those of a PDF
   * @throws UserError 400 {@code budget.document.unreadable} when PDFBox cannot read it (damaged,
   *     encrypted)
   */
  static byte[] clean(byte[] upload) {
    if (upload.length == 0) {
      throw new FileRejected(HttpStatus.BAD_REQUEST, FileRejected.EMPTY);
    }
    if (!FileKind.sniff(upload).equals(Optional.of(FileKind.PDF))) {
      throw new FileRejected(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          FileRejected.UNSUPPORTED_TYPE,
          FileKind.labels(Set.of(FileKind.PDF)));
    }
    try {
      return FileMetadata.strip(upload);
    } catch (IllegalArgumentException e) {
      throw UserError.badRequest("budget.document.unreadable");
    }
  }

  /**
   * The text of a PDF, page after page, or {@code null} when it has none (a scan without a text
   * layer); cut at {@link #MAX_TEXT} characters, without NUL characters (PostgreSQL refuses them).
   *
   * @throws UserError 400 {@code budget.document.unreadable} when PDFBox cannot read it
   */
  static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replace("\u0000", "").strip();
      if (text.isEmpty()) {
        return null;
      }
      return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    } catch (IOException e) {
      throw UserError.badRequest("budget.document.unreadable");
    }
  }
}
