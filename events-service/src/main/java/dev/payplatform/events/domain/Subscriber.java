package dev.payplatform.events.domain;

import java.util.List;

/** An enabled endpoint as the event log sees it when it records deliveries: its id and events. */
public record Subscriber(String id, List<String> enabledEvents) {
  /** Subscribed to {@code type}; a test event goes only where it is sent. */
  public boolean wants(String type) {
    return !EventTypes.TEST.equals(type) && EventTypePatterns.anyMatches(enabledEvents, type);
  }
}
