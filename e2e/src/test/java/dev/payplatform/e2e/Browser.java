package dev.payplatform.e2e;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A buyer's headless Chromium (Debian's chromium + chromium-driver, no downloads). */
final class Browser implements AutoCloseable {
  final WebDriver driver;

  Browser() {
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,800",
        "--remote-allow-origins=*",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions");
    driver = new ChromeDriver(options);
  }

  /** How long a page may take to show what it renders itself. */
  static final Duration WAIT = Duration.ofSeconds(20);

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return waitFor(d -> d.findElement(By.cssSelector(css)));
  }

  /** Fills the hosted card form and presses Pay. */
  void payWith(String card) {
    find("#email").sendKeys("buyer@example.com");
    find("#card_number").sendKeys(card);
    find("#expiry").sendKeys("12/34");
    find("#cvc").sendKeys(Cards.CVC);
    find("#cardholder_name").sendKeys("Ada Buyer");
    find("#pay-button").click();
  }

  /** Waits until the browser is on a URL starting with {@code prefix}; returns the URL. */
  String awaitUrlStartingWith(String prefix) {
    return waitFor(d -> d.getCurrentUrl().startsWith(prefix) ? d.getCurrentUrl() : null);
  }

  String awaitText(String css, String expected) {
    return waitFor(
        d -> {
          String text = d.findElement(By.cssSelector(css)).getText();
          return text.contains(expected) ? text : null;
        });
  }

  <T> T waitFor(Function<WebDriver, T> condition) {
    return waitFor(condition, WAIT);
  }

  <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(condition::apply);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
