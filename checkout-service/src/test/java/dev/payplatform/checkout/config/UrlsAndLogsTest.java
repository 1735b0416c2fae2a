package dev.payplatform.checkout.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.checkout.rest.pages.AmountFormat;
import org.junit.jupiter.api.Test;

/** Return URLs, masked request-log queries and displayed amounts. */
class UrlsAndLogsTest {

  @Test
  void theReturnUrlGetsIdPaymentWithTheRightSeparator() {
    assertThat(PublicUrls.withPaymentId("https://s.example/done", "pay_1"))
        .isEqualTo("https://s.example/done?id_payment=pay_1");
    assertThat(PublicUrls.withPaymentId("https://s.example/done?o=7", "pay_1"))
        .isEqualTo("https://s.example/done?o=7&id_payment=pay_1");
    assertThat(PublicUrls.withPaymentId("https://s.example/done?", "pay_1"))
        .isEqualTo("https://s.example/done?id_payment=pay_1");
    assertThat(PublicUrls.withPaymentId("https://s.example/done?o=7#receipt", "pay_1"))
        .isEqualTo("https://s.example/done?o=7&id_payment=pay_1#receipt");
    assertThat(PublicUrls.withPaymentId(null, "pay_1")).isNull();
  }

  @Test
  void secretsInTheQueryAreMaskedInTheRequestLog() {
    assertThat(RequestLog.maskQuery("data=eyJhbGciOi.abc.def&declined=card_declined"))
        .isEqualTo("?data=***&declined=card_declined");
    assertThat(RequestLog.maskQuery("challenge=s3cr3t")).isEqualTo("?challenge=***");
    assertThat(RequestLog.maskQuery(null)).isEmpty();
  }

  @Test
  void amountsShowTheirCurrencysDecimals() {
    assertThat(AmountFormat.display(9999, "USD")).isEqualTo("$99.99");
    assertThat(AmountFormat.display(1500, "JPY")).isEqualTo("¥1,500");
    assertThat(AmountFormat.display(1500, "BHD")).isEqualTo("BHD 1.500");
    assertThat(AmountFormat.display(123450, "EUR")).isEqualTo("€1,234.50");
    assertThat(AmountFormat.display(100000, "CRC")).isEqualTo("CRC 1,000.00");
  }
}
