package ke.baraza.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Playwright driving the system's Chromium, headless: the browser download of Playwright is always
 * skipped (only the driver inside the jar is used). {@link #phone()} opens a fresh, phone-sized
 * browsing session (own cookies) on the application under test.
 */
public final class Playwrights implements AutoCloseable {

  /** Debian's chromium package; override with {@code -Dbaraza.test.chromium=/path}. */
  public static final Path CHROMIUM =
      Paths.get(System.getProperty("baraza.test.chromium", "/usr/bin/chromium"));

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser chromium;

  private Playwrights(Playwright playwright, com.microsoft.playwright.Browser chromium) {
    this.playwright = playwright;
    this.chromium = chromium;
  }

  public static Playwrights start() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException("No Chromium at " + CHROMIUM + " (apt-get install chromium)");
    }
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      return new Playwrights(
          playwright,
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(CHROMIUM)
                      .setHeadless(true)
                      .setArgs(
                          List.of(
                              "--no-sandbox",
                              "--disable-gpu",
                              "--disable-background-networking",
                              "--disable-component-update",
                              "--disable-sync",
                              "--no-first-run"))));
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A new session the size of a common phone (390×844 CSS pixels, touch), in British English. */
  public BrowserContext phone() {
    return chromium.newContext(
        new com.microsoft.playwright.Browser.NewContextOptions()
            .setBaseURL(TestEnvironment.baseUrl())
            .setViewportSize(390, 844)
            .setDeviceScaleFactor(1)
            .setIsMobile(true)
            .setHasTouch(true)
            .setLocale("en-GB")
            .setTimezoneId("Africa/Nairobi"));
  }

  @Override
  public void close() {
    try {
      chromium.close();
    } finally {
      playwright.close();
    }
  }
}
