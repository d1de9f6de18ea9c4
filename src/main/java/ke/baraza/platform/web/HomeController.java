package ke.baraza.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page and the about page. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "platform/home";
  }

  @GetMapping("/about")
  String about() {
    return "platform/about";
  }
}
