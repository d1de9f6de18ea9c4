package ke.baraza.directory.web;

import ke.baraza.directory.internal.PostForm;
import ke.baraza.directory.internal.PostService;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Posts in a body, added and ended from the body's page by whoever runs the body. */
@Controller
class PostPages {

  private final PostService posts;

  PostPages(PostService posts) {
    this.posts = posts;
  }

  @PostMapping("/bodies/{id}/posts")
  String add(@PathVariable String id, PostForm form, RedirectAttributes redirect) {
    try {
      posts.add(id, form);
    } catch (InvalidInput invalid) {
      throw firstOf(invalid);
    }
    redirect.addFlashAttribute("notice", "post.added");
    return "redirect:/bodies/" + id;
  }

  @PostMapping("/bodies/{id}/posts/{post}/end")
  String end(
      @PathVariable String id,
      @PathVariable String post,
      @RequestParam(defaultValue = "") String end,
      RedirectAttributes redirect) {
    try {
      posts.end(id, post, end);
    } catch (InvalidInput invalid) {
      throw firstOf(invalid);
    }
    redirect.addFlashAttribute("notice", "post.ended-done");
    return "redirect:/bodies/" + id;
  }

  /** The body's page has no room for field errors: the error page names what is wrong. */
  private static UserError firstOf(InvalidInput invalid) {
    return new UserError(invalid.status(), invalid.fieldErrors().values().iterator().next());
  }
}
