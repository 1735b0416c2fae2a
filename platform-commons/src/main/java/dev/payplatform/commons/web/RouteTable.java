package dev.payplatform.commons.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The edge's routes, read from the data file {@code edge-routes.txt}: which service owns a path and
 * whether it needs a secret key. First match wins. It lives here because two readers need the same
 * rules: the edge routes by it, and the build that merges the public API reference (module {@code
 * api-reference}) documents exactly the routed paths.
 */
public final class RouteTable {

  /** One line of the table. */
  public record Route(String method, String pattern, String service, boolean requiresKey) {

    public boolean matchesPath(String path) {
      if (pattern.endsWith("/**")) {
        String prefix = pattern.substring(0, pattern.length() - 3);
        return path.equals(prefix) || path.startsWith(prefix + "/");
      }
      String[] want = pattern.split("/", -1);
      String[] have = path.split("/", -1);
      if (want.length != have.length) {
        return false;
      }
      for (int i = 0; i < want.length; i++) {
        boolean variable = want[i].startsWith("{") && want[i].endsWith("}");
        if (variable ? have[i].isEmpty() : !want[i].equals(have[i])) {
          return false;
        }
      }
      return true;
    }

    public boolean matchesMethod(String requestMethod) {
      return method.equals("*") || method.equals(requestMethod);
    }
  }

  /** The outcome of a lookup: a route, a known path with another method (405), or nothing. */
  public sealed interface Match {
    record Found(Route route) implements Match {}

    record WrongMethod() implements Match {}

    record NotFound() implements Match {}
  }

  private final List<Route> routes;

  public RouteTable(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** The table from a classpath resource (the edge reads its own {@code edge-routes.txt}). */
  public static RouteTable load(String resource) {
    InputStream in = RouteTable.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("route table " + resource + " is missing");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(reader, resource);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  /**
   * The table in {@code source}: lines of {@code method path service access}, {@code #} comments.
   */
  public static RouteTable parse(Reader source, String name) throws IOException {
    List<Route> routes = new ArrayList<>();
    BufferedReader r = new BufferedReader(source);
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] f = trimmed.split("\\s+");
      if (f.length != 4 || !(f[3].equals("key") || f[3].equals("public"))) {
        throw new IllegalStateException(
            name + " line " + n + " is not 'method path service access'");
      }
      routes.add(new Route(f[0].toUpperCase(Locale.ROOT), f[1], f[2], f[3].equals("key")));
    }
    return new RouteTable(routes);
  }

  public Match match(String method, String path) {
    boolean pathKnown = false;
    for (Route route : routes) {
      if (route.matchesPath(path)) {
        if (route.matchesMethod(method)) {
          return new Match.Found(route);
        }
        pathKnown = true;
      }
    }
    return pathKnown ? new Match.WrongMethod() : new Match.NotFound();
  }

  public List<Route> routes() {
    return routes;
  }

  /** Whether the edge proxies this path at all (everything else is the edge's own). */
  public static boolean isProxied(String path) {
    return path.startsWith("/v1/")
        || path.equals("/v1")
        || path.startsWith("/checkout/")
        || path.startsWith("/link/");
  }
}
