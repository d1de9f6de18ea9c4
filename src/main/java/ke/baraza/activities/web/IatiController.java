package ke.baraza.activities.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.xml.stream.XMLStreamException;
import ke.baraza.activities.internal.IatiExport;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.UserError;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A county's public activities as an IATI 2.03 activity file. */
@RestController
class IatiController {

  private final IatiExport export;
  private final GeographyApi geography;

  IatiController(IatiExport export, GeographyApi geography) {
    this.export = export;
    this.geography = geography;
  }

  @GetMapping("/api/v1/iati/counties/{code}/activities.xml")
  void activities(@PathVariable String code, HttpServletResponse response) throws IOException {
    if (!geography.isCounty(code)) {
      throw UserError.notFound("geography.county.unknown", code.replaceAll("[^0-9A-Za-z]", ""));
    }
    response.setContentType(MediaType.APPLICATION_XML_VALUE);
    response.setCharacterEncoding("UTF-8");
    try {
      export.write(code, response.getOutputStream());
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }
}
