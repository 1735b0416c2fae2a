package dev.payplatform.checkout.service.gatewayaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway account directory's rereads (seen in the full suite: a live charge declined "account
 * … does not exist" moments after the operator created it): a reread that started before the
 * account was committed and finished after the operator's own reread must not win.
 */
class LatestReadTest {

  @Test
  void aRereadThatStartedEarlierNeverReplacesOneThatStartedLater() {
    LatestRead<Map<String, String>> accounts = new LatestRead<>(Map.of());
    long periodic = accounts.begin(); // before the operator's commit
    long operators = accounts.begin(); // after it
    assertThat(accounts.offer(operators, Map.of("acct_new", "enabled"))).isTrue();
    assertThat(accounts.offer(periodic, Map.of())).isFalse();
    assertThat(accounts.get()).containsKey("acct_new");
  }

  @Test
  void rereadsFinishingInOrderEachReplaceTheLast() {
    LatestRead<String> value = new LatestRead<>("start");
    long first = value.begin();
    long second = value.begin();
    assertThat(value.offer(first, "first")).isTrue();
    assertThat(value.get()).isEqualTo("first");
    assertThat(value.offer(second, "second")).isTrue();
    assertThat(value.get()).isEqualTo("second");
  }
}
