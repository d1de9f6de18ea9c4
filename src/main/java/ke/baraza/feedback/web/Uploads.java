package ke.baraza.feedback.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import ke.baraza.feedback.internal.NewCase;
import org.springframework.web.multipart.MultipartFile;

/** The photos of a form: empty file fields left out, streams closed after use. */
final class Uploads implements AutoCloseable {

  private final List<InputStream> opened = new ArrayList<>();
  private final List<NewCase.Photo> photos = new ArrayList<>();

  Uploads(List<MultipartFile> files) throws IOException {
    if (files == null) {
      return;
    }
    for (MultipartFile file : files) {
      boolean unnamed = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank();
      if (file.isEmpty() && unnamed) {
        continue; // a file field left empty
      }
      InputStream in = file.getInputStream();
      opened.add(in);
      photos.add(new NewCase.Photo(in, file.getOriginalFilename()));
    }
  }

  List<NewCase.Photo> photos() {
    return photos;
  }

  @Override
  public void close() throws IOException {
    for (InputStream in : opened) {
      in.close();
    }
  }
}
