package dev.payplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs every snippet docs/first-payment.md marks with {@code <!-- run: … -->} (curl, Python,
 * JavaScript) against the platform with the demo merchant's key, so the walkthrough stays true.
 */
@Order(5)
class FirstPaymentWalkthroughIT {
  private static final Pattern RUNNABLE =
      Pattern.compile("<!-- run: (\\w+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

  record Snippet(String interpreter, String code) {}

  static List<Snippet> snippets() throws IOException {
    String doc = Files.readString(Platform.ROOT.resolve("docs/first-payment.md"));
    List<Snippet> found = new ArrayList<>();
    Matcher m = RUNNABLE.matcher(doc);
    while (m.find()) {
      found.add(new Snippet(m.group(1), m.group(2)));
    }
    return found;
  }

  @Test
  void everyRunnableSnippetOfTheWalkthroughWorks() throws Exception {
    Platform.Env env = Platform.env();
    List<Snippet> snippets = snippets();
    assertThat(snippets).extracting(Snippet::interpreter).contains("bash", "python3", "node");
    for (Snippet s : snippets) {
      Path file = Files.createTempFile("snippet", s.interpreter().equals("node") ? ".mjs" : ".txt");
      Files.writeString(file, s.code());
      ProcessBuilder pb =
          new ProcessBuilder(s.interpreter(), file.toString())
              .directory(Platform.ROOT.toFile())
              .redirectErrorStream(true);
      pb.environment().put("PLATFORM_URL", env.url());
      pb.environment().put("SK_TEST", env.skTest());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue())
          .as("%s snippet:%n%s%noutput:%n%s", s.interpreter(), s.code(), out)
          .isZero();
      assertThat(out).as("%s output", s.interpreter()).contains("pay_");
      Files.delete(file);
    }
  }
}
