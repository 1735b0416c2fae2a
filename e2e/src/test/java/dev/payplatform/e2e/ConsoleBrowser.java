package dev.payplatform.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A merchant's headless Chromium on the console. Elements are found the way a person finds them: a
 * field by its label's text, a button or link by its text, a page by its heading — never by CSS
 * classes, which are the page's business.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final Browser browser = new Browser();

  void open(String hashRoute) {
    browser.open(Platform.url("/console/" + hashRoute));
  }

  void signIn(String email, String password) {
    open("");
    heading("Sign in");
    field("Email").clear();
    field("Email").sendKeys(email);
    field("Password").clear();
    field("Password").sendKeys(password);
    button("Sign in").click();
  }

  /** The input a visible label names (through its {@code for}). */
  WebElement field(String label) {
    return browser.waitFor(
        d -> {
          for (WebElement l :
              d.findElements(By.xpath("//label[normalize-space()=" + q(label) + "]"))) {
            if (l.isDisplayed()) {
              String id = l.getAttribute("for");
              return id == null ? null : d.findElement(By.id(id));
            }
          }
          return null;
        });
  }

  WebElement button(String text) {
    return visible(By.xpath("//button[normalize-space()=" + q(text) + "]"));
  }

  List<WebElement> buttons(String text) {
    return browser.driver.findElements(By.xpath("//button[normalize-space()=" + q(text) + "]"));
  }

  WebElement link(String text) {
    return visible(By.xpath("//a[normalize-space()=" + q(text) + "]"));
  }

  WebElement heading(String text) {
    return visible(By.xpath("//h1[normalize-space()=" + q(text) + "]"));
  }

  /** An element with an ARIA role (alert, status, dialog…), once visible. */
  WebElement role(String role) {
    return visible(By.xpath("//*[@role=" + q(role) + "]"));
  }

  /** The open modal dialog (a native {@code <dialog>}, whose role is implicit). */
  WebElement dialog() {
    return visible(By.xpath("//dialog[@open] | //*[@role='dialog']"));
  }

  WebElement labelled(String ariaLabel) {
    return visible(By.xpath("//*[@aria-label=" + q(ariaLabel) + "]"));
  }

  /** Waits until the page's text contains this. */
  void awaitText(String text) {
    waitOrShow(pageContains(text));
  }

  private static Function<WebDriver, Boolean> pageContains(String text) {
    return d -> d.findElement(By.tagName("body")).getText().contains(text) ? true : null;
  }

  /**
   * Waits until the page's text contains this, for what reaches the page through Kafka (an event, a
   * status a consumer sets): that takes seconds, and longer while the platform is busy, so the wait
   * is a minute, not the 20 s of a page's own rendering.
   */
  void awaitEventually(String text) {
    waitOrShow(pageContains(text), Duration.ofSeconds(60));
  }

  /**
   * Waits a minute until a page that loads once (a list, a timeline) shows what reaches it through
   * Kafka, reloading it every 5 s as a person would.
   */
  void awaitEventuallyReloading(String text) {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        browser.waitFor(pageContains(text), Duration.ofSeconds(5));
        return;
      } catch (TimeoutException e) {
        if (System.nanoTime() > until) {
          screenshot("failed-" + System.currentTimeMillis());
          throw e;
        }
        browser.driver.navigate().refresh();
      }
    }
  }

  String pageText() {
    return browser.driver.findElement(By.tagName("body")).getText();
  }

  String cookie() {
    Cookie c = browser.driver.manage().getCookieNamed("pp_console");
    return c == null ? null : c.getValue();
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      // The whole page, not the viewport: grow the window to the document, then back.
      var window = browser.driver.manage().window();
      var size = window.getSize();
      Object height =
          ((JavascriptExecutor) browser.driver)
              .executeScript("return document.documentElement.scrollHeight");
      int full = Math.min(4000, Math.max(size.getHeight(), ((Number) height).intValue() + 140));
      window.setSize(new Dimension(size.getWidth(), full));
      ((JavascriptExecutor) browser.driver).executeScript("window.scrollTo(0, 0)");
      byte[] png = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES);
      window.setSize(size);
      Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private WebElement visible(By by) {
    return waitOrShow(
        d -> {
          for (WebElement e : d.findElements(by)) {
            if (e.isDisplayed()) {
              return e;
            }
          }
          return null;
        });
  }

  /** Waits like the buyer's browser; on a timeout, keeps a screenshot of what was on screen. */
  private <T> T waitOrShow(Function<WebDriver, T> condition) {
    return waitOrShow(condition, Browser.WAIT);
  }

  private <T> T waitOrShow(Function<WebDriver, T> condition, Duration timeout) {
    try {
      return browser.waitFor(condition, timeout);
    } catch (TimeoutException e) {
      screenshot("failed-" + System.currentTimeMillis());
      throw e;
    }
  }

  /** An XPath string literal. */
  private static String q(String s) {
    return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
  }

  @Override
  public void close() {
    browser.close();
  }
}
