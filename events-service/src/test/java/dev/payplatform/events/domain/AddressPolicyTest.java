package dev.payplatform.events.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
  private static InetAddress ip(String text) throws Exception {
    return InetAddress.getByName(text);
  }

  @Test
  void publicAddressesAreAllowedAndPrivateOnesAreNot() throws Exception {
    AddressPolicy policy = AddressPolicy.allowing(List.of());
    for (String ok :
        List.of(
            "93.184.216.34", "8.8.8.8", "2606:4700::1111", "64:ff9b::808:808", "2002:808:808::1")) {
      assertThat(policy.permits(ip(ok))).as(ok).isTrue();
    }
    for (String no :
        List.of(
            "127.0.0.1",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "fe80::1",
            "fd12::1",
            "::ffff:10.0.0.1",
            "::ffff:127.0.0.1",
            "::10.0.0.1",
            "::127.0.0.1",
            "::",
            "64:ff9b::a00:1",
            "2002:a00:1::1",
            "2001:0:4136:e378::1",
            "2001:db8::1")) {
      assertThat(policy.permits(ip(no))).as(no).isFalse();
    }
  }

  @Test
  void anOperatorCanAllowANetwork() throws Exception {
    AddressPolicy policy =
        AddressPolicy.allowing(List.of("127.0.0.0/8", "::1/128", "10.20.0.0/16"));
    assertThat(policy.permits(ip("127.0.0.1"))).isTrue();
    assertThat(policy.permits(ip("::1"))).isTrue();
    assertThat(policy.permits(ip("10.20.3.4"))).isTrue();
    assertThat(policy.permits(ip("10.21.3.4"))).isFalse();
    assertThatThrownBy(() -> AddressPolicy.allowing(List.of("localhost")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
