package dev.payplatform.edge.proxy;

import dev.payplatform.commons.web.RouteTable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The edge's route table ({@code edge-routes.txt}): which service owns a path, and its access. */
final class EdgeRouteTable {
  /** The service name of the routes the edge serves itself (the audit log). */
  static final String OWN = "edge";

  private EdgeRouteTable() {}

  @Produces
  @Singleton
  static RouteTable load() {
    return RouteTable.load("edge-routes.txt");
  }
}
