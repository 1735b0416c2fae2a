package dev.payplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local platform's service logs ({@code .platform/logs/<service>.log}), one JSON object a line,
 * read from a byte offset taken before the test's requests: the logs of a used machine run to
 * hundreds of MB, and only what the test caused matters.
 */
final class ServiceLogs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceLogs() {}

  static Path of(String service) {
    return Platform.STATE.resolve("logs/" + service + ".log");
  }

  /** Each service's log size now: the offsets to read from afterwards. */
  static Map<String, Long> sizes(Collection<String> services) {
    Map<String, Long> sizes = new HashMap<>();
    for (String s : services) {
      sizes.put(s, of(s).toFile().length());
    }
    return sizes;
  }

  /** The JSON lines of a service's log, written since byte {@code from}, that contain this text. */
  static List<JsonNode> linesSince(String service, long from, String text) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    try (RandomAccessFile file = new RandomAccessFile(of(service).toFile(), "r")) {
      file.seek(Math.min(from, file.length()));
      byte[] rest = new byte[(int) (file.length() - file.getFilePointer())];
      file.readFully(rest);
      for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("{") && line.contains(text)) {
          lines.add(JSON.readTree(line));
        }
      }
    }
    return lines;
  }
}
