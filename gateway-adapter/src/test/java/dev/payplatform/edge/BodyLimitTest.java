package dev.payplatform.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Bodies are bounded while they arrive (1 MiB by default), with or without a declared length: a
 * chunked body of 25 MiB is answered 413 and the connection closed long before it was read whole,
 * on a streaming route and on an idempotent request the edge buffers.
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class BodyLimitTest {
  private static final int MIB = 1024 * 1024;

  @Test
  void aChunkedBodyPastTheLimitIs413BeforeItIsReadWhole() throws IOException {
    Sent sent = sendChunked("POST /checkout/pay/pay_1/intent HTTP/1.1\r\n", 25 * MIB);
    assertThat(sent.answer()).startsWith("HTTP/1.1 413").contains("\"code\":413");
    assertThat(sent.bytesWritten())
        .as("the edge stopped reading near the limit, not after 25 MiB")
        .isLessThan(12L * MIB);
  }

  @Test
  void anIdempotentRequestsBodyIsBoundedTheSameWay() throws IOException {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    Sent sent =
        sendChunked(
            "POST /v1/payments/ HTTP/1.1\r\nX-Api-Key: "
                + m.testKey()
                + "\r\nIdempotency-Key: big-"
                + System.nanoTime()
                + "\r\nContent-Type: application/json\r\n",
            25 * MIB);
    assertThat(sent.answer()).startsWith("HTTP/1.1 413").contains("\"code\":413");
    assertThat(sent.bytesWritten()).isLessThan(12L * MIB);
  }

  @Test
  void aDeclaredLengthPastTheLimitIs413AtOnce() throws IOException {
    try (Socket s = new Socket("127.0.0.1", 18080)) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write(
              ("POST /checkout/pay/pay_1/intent HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                      + (2 * MIB)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void aBodyWithinTheLimitStillStreamsThrough() throws IOException {
    Sent sent = sendChunked("POST /checkout/pay/pay_1/intent HTTP/1.1\r\n", MIB / 2);
    assertThat(sent.answer()).startsWith("HTTP/1.1 200").contains("\"service\":\"checkout\"");
  }

  private record Sent(long bytesWritten, String answer) {}

  /** Writes {@code total} bytes in 64 KiB chunks until done or the edge closes on us. */
  private static Sent sendChunked(String head, int total) throws IOException {
    try (Socket s = new Socket("127.0.0.1", 18080)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(
          (head + "Host: localhost\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'a');
      long written = 0;
      try {
        while (written < total) {
          out.write(
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          written += chunk.length;
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException closedOnUs) {
        // the edge answered and closed the connection: what we expect past the limit
      }
      InputStream in = s.getInputStream();
      String answer;
      try {
        answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      } catch (IOException reset) {
        answer = "(connection reset: " + reset.getMessage() + ")";
      }
      return new Sent(written, answer);
    }
  }
}
