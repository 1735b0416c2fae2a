package dev.payplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The card-data search finds every real leak and never an id, amount or offset. */
class CardDataSearchTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"card_number\":\"4242424242424242\"}",
        "buyer typed 4242 4242 4242 4242 in the form",
        "amex 3782 822463 10005 seen",
        "card=5555-5555-5555-4444&x=1",
        "COPY public.card (id, number) FROM stdin;\n1\t4000000000009995\n\\.",
      })
  void findsATestCardNumberWithOrWithoutSeparators(String text) {
    assertThat(CardDataSearch.findings("t", text))
        .singleElement()
        .asString()
        .contains("card number");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // an event payload and a JSON request body
        "{\"type\":\"payment_intent.succeeded\",\"data\":{\"cvc\":\"919\"}}",
        "{\"cvc\": 919}",
        // JSON inside a JSON string, as a logged body or a jsonb column renders it
        "{\"body\":\"{\\\"cvv\\\":\\\"4321\\\"}\"}",
        // a form body and a query string
        "card_number=x&cvc=919&exp_month=12",
        // log lines
        "2026-11-27 INFO confirm intent pi_1 cvc=919",
        "DEBUG confirming card, security code: 919",
        "WARN CSC 0919 rejected",
        // a column named for it, whatever it holds
        "COPY public.cards (id, last4, cvc) FROM stdin;\n1\t4242\t\\N\n\\.",
      })
  void findsASecurityCodeWhereverOneCouldBeWritten(String text) {
    assertThat(CardDataSearch.findings("t", text)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the outbox id 919 that made the old search fail every used database
        "COPY public.outbox_event (id, event_id, topic) FROM stdin;\n919\tevt_HpvkH4Vl1pISFxkv5Sow-Q\tcheckout.events\n\\.",
        "{\"amount\":919,\"currency\":\"USD\",\"offset\":919}",
        // a decline reason and a validation error about the field are not the code
        "{\"decline_reason\":\"incorrect_cvc\",\"amount_minor\":919}",
        "{\"detail\":[{\"loc\":[\"body\",\"cvc\"],\"msg\":\"field required\"}]}",
        // last 4 and a fingerprint are what may be kept
        "{\"brand\":\"visa\",\"last4\":\"4242\",\"exp_year\":2034}",
        // a longer number that only contains a test PAN's digits is not that PAN
        "id 142424242424242429",
      })
  void ignoresIdsAmountsAndWhatMayBeKept(String text) {
    assertThat(CardDataSearch.findings("t", text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aStreamedDumpIsSearchedToItsEndInPiecesOfWholeLines() throws Exception {
    StringBuilder dump = new StringBuilder("COPY public.payment (id, note) FROM stdin;\n");
    String filler = "pay_0123456789abcdefghij\tan ordinary row with amount 4999 and id 123456\n";
    while (dump.length() < 9 << 20) { // past two pieces
      dump.append(filler);
    }
    dump.append("pay_x\tbuyer typed 4242 4242 4242 4242 here\n");
    CardDataSearch.Scan scan = CardDataSearch.scan("db", new java.io.StringReader(dump.toString()));
    assertThat(scan.tables()).isEqualTo(1);
    assertThat(scan.findings()).hasSize(1);
    assertThat(scan.findings().get(0)).contains("card number");
    assertThat(
            CardDataSearch.scan("db", new java.io.StringReader(dump.substring(0, 1 << 20)))
                .findings())
        .isEmpty();
  }
}
