package ke.baraza.testing;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.accounts.internal.AuthenticatorApp;

/**
 * What every browser journey does besides its own steps: it watches its pages for console errors
 * and uncaught scripts, saves full-page screenshots to {@code target/screenshots} for a person to
 * judge, and signs users in (enrolling the authenticator app when the role needs a second factor).
 */
public final class Journey {

  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
  private final List<String> expected = new CopyOnWriteArrayList<>();

  /** The page, with its console errors and uncaught exceptions recorded from now on. */
  public Page watched(Page page) {
    page.onConsoleMessage(
        message -> {
          if ("error".equals(message.type())) {
            consoleErrors.add(page.url() + ": " + message.text());
          }
        });
    page.onPageError(error -> consoleErrors.add(page.url() + ": uncaught " + error));
    return page;
  }

  /**
   * Expects an error page: Chromium logs a page answered with a 4xx status as a console error,
   * which is right when the journey means to be refused.
   */
  public void expectRefusal(String path, int status) {
    expected.add(
        path + ": Failed to load resource: the server responded with a status of " + status);
  }

  /**
   * The errors seen on the watched pages so far, each prefixed with its page's address, less the
   * refusals expected.
   */
  public List<String> consoleErrors() {
    return consoleErrors.stream()
        .filter(error -> expected.stream().noneMatch(error::contains))
        .toList();
  }

  /** Saves the whole page as {@code target/screenshots/NAME.png}. */
  public static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /**
   * Signs in with {@link AccountFixtures#PASSWORD}; with {@code enrol}, enrols the authenticator
   * app that a privileged role asks for at its first sign-in. Returns once the user is in.
   */
  public static void signIn(Page page, String email, boolean enrol) {
    page.navigate("/signin");
    page.locator("#f-username").fill(email);
    page.locator("#f-password").fill(AccountFixtures.PASSWORD);
    page.locator("main form button[type=submit]").click();
    if (enrol) {
      page.waitForURL("**/account/second-factor");
      String secret = page.locator("#totp-secret").textContent().replace(" ", "");
      page.locator("#f-code").fill(AuthenticatorApp.codeNow(secret));
      page.locator("main form button[type=submit]").click();
    }
    page.waitForURL(url -> !url.contains("/signin") && !url.contains("second-factor"));
  }
}
