package dev.payplatform.edge.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which proxies are believed: exact addresses and IPv4 ranges, nothing else. */
class ClientAddressTest {

  @Test
  void exactAddressesAndIpv4RangesAreTrustedAndNothingElse() {
    List<String> trusted = List.of("127.0.0.1", "10.0.0.0/8", "192.168.4.0/22");
    assertThat(ClientAddress.trusted("127.0.0.1", trusted)).isTrue();
    assertThat(ClientAddress.trusted("10.42.7.9", trusted)).isTrue();
    assertThat(ClientAddress.trusted("192.168.7.255", trusted)).isTrue();
    assertThat(ClientAddress.trusted("192.168.8.1", trusted)).isFalse();
    assertThat(ClientAddress.trusted("11.0.0.1", trusted)).isFalse();
    assertThat(ClientAddress.trusted("203.0.113.5", trusted)).isFalse();
    assertThat(ClientAddress.trusted("not-an-address", trusted)).isFalse();
    assertThat(ClientAddress.trusted("10.0.0.1", List.of())).isFalse();
  }
}
