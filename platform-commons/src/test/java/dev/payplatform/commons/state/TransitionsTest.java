package dev.payplatform.commons.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.errors.IllegalTransition;
import org.junit.jupiter.api.Test;

class TransitionsTest {
  enum Light implements WireWord {
    GREEN,
    AMBER,
    RED,
    SWITCHED_OFF
  }

  private static final Transitions<Light> LIGHTS =
      Transitions.of("light", Light.class)
          .allow(Light.GREEN, Light.AMBER, Light.SWITCHED_OFF)
          .allow(Light.AMBER, Light.RED)
          .allow(Light.RED, Light.GREEN, Light.RED)
          .build();

  @Test
  void aDeclaredMoveIsMoved() {
    assertThat(LIGHTS.check(Light.GREEN, Light.AMBER)).isEqualTo(Transitions.Move.MOVED);
    assertThat(LIGHTS.move("l_1", Light.GREEN, Light.AMBER)).isEqualTo(Light.AMBER);
  }

  @Test
  void stayingWhereItIsIsUnchangedUnlessDeclaredAsAMove() {
    assertThat(LIGHTS.check(Light.AMBER, Light.AMBER)).isEqualTo(Transitions.Move.UNCHANGED);
    assertThat(LIGHTS.move("l_1", Light.AMBER, Light.AMBER)).isEqualTo(Light.AMBER);
    assertThat(LIGHTS.check(Light.RED, Light.RED)).isEqualTo(Transitions.Move.MOVED);
  }

  @Test
  void anUndeclaredMoveIsIllegalAndMoveThrowsTheDomainErrorInWireWords() {
    assertThat(LIGHTS.check(Light.AMBER, Light.GREEN)).isEqualTo(Transitions.Move.ILLEGAL);
    assertThatThrownBy(() -> LIGHTS.move("l_1", Light.SWITCHED_OFF, Light.GREEN))
        .isInstanceOf(IllegalTransition.class)
        .hasMessage("light l_1 cannot go from switched_off to green")
        .satisfies(
            e -> {
              IllegalTransition t = (IllegalTransition) e;
              assertThat(t.from()).isEqualTo("switched_off");
              assertThat(t.to()).isEqualTo("green");
            });
  }

  @Test
  void aStateWithoutDeclaredMovesIsFinal() {
    assertThat(LIGHTS.isFinal(Light.SWITCHED_OFF)).isTrue();
    assertThat(LIGHTS.isFinal(Light.GREEN)).isFalse();
    assertThat(LIGHTS.successors(Light.GREEN))
        .containsExactlyInAnyOrder(Light.AMBER, Light.SWITCHED_OFF);
  }

  @Test
  void wireWordsParseBackAndUnknownWordsAreNull() {
    assertThat(WireWord.parse(Light.class, "switched_off")).isEqualTo(Light.SWITCHED_OFF);
    assertThat(WireWord.parse(Light.class, "SWITCHED_OFF")).isNull();
    assertThat(WireWord.parse(Light.class, null)).isNull();
  }
}
