package dev.payplatform.commons.state;

import dev.payplatform.commons.errors.IllegalTransition;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one state-machine idiom: every status of every object is an enum, and its legal moves are
 * declared once in a {@code Transitions} table. A move is answered {@link Move#MOVED}, {@link
 * Move#UNCHANGED} (already there: a retried command or a redelivered event) or {@link
 * Move#ILLEGAL}; {@link #move} turns the last into the domain error {@link IllegalTransition}.
 * States with no declared move are final.
 */
public final class Transitions<E extends Enum<E>> {
  /** What asking for a move answers. */
  public enum Move {
    MOVED,
    UNCHANGED,
    ILLEGAL
  }

  private final String object;
  private final Map<E, Set<E>> next;

  private Transitions(String object, Map<E, Set<E>> next) {
    this.object = object;
    this.next = next;
  }

  /** Starts the table of {@code object} (as errors name it: "payment intent"). */
  public static <E extends Enum<E>> Builder<E> of(String object, Class<E> states) {
    return new Builder<>(object, states);
  }

  /**
   * What moving {@code from} to {@code to} would be. A state declared as its own successor (a
   * further partial refund) is a move; otherwise staying where it is is {@code UNCHANGED}.
   */
  public Move check(E from, E to) {
    if (next.get(from).contains(to)) {
      return Move.MOVED;
    }
    return from == to ? Move.UNCHANGED : Move.ILLEGAL;
  }

  public boolean allowed(E from, E to) {
    return check(from, to) == Move.MOVED;
  }

  /**
   * The state after the move, for an assignment: {@code status = TRANSITIONS.move(id, status, to)}.
   * Staying where it is returns {@code to}; an illegal move throws {@link IllegalTransition}.
   */
  public E move(String id, E from, E to) {
    if (check(from, to) == Move.ILLEGAL) {
      throw new IllegalTransition(object, id, wire(from), wire(to));
    }
    return to;
  }

  public boolean isFinal(E state) {
    return next.get(state).isEmpty();
  }

  public Set<E> successors(E state) {
    return next.get(state);
  }

  private static String wire(Enum<?> state) {
    return state instanceof WireWord word ? word.wire() : state.name();
  }

  /** Declares the legal moves; a state never named as a source is final. */
  public static final class Builder<E extends Enum<E>> {
    private final String object;
    private final Class<E> states;
    private final Map<E, Set<E>> next;

    private Builder(String object, Class<E> states) {
      this.object = object;
      this.states = states;
      this.next = new EnumMap<>(states);
    }

    @SafeVarargs
    public final Builder<E> allow(E from, E... to) {
      next.computeIfAbsent(from, f -> EnumSet.noneOf(states)).addAll(Set.of(to));
      return this;
    }

    public Transitions<E> build() {
      Map<E, Set<E>> table = new EnumMap<>(states);
      for (E state : states.getEnumConstants()) {
        table.put(
            state, Collections.unmodifiableSet(next.getOrDefault(state, EnumSet.noneOf(states))));
      }
      return new Transitions<>(object, Collections.unmodifiableMap(table));
    }
  }
}
