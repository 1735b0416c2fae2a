package dev.payplatform.bankrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesRoundTripTest {
  @Test
  void aPain001ReadsBackAsWrittenWithIbanAndUsCreditors() {
    PaymentInitiation written = Messages.initiation();

    PaymentInitiation read = Pain001.read(Pain001.write(written));

    assertThat(read).isEqualTo(written);
  }

  @Test
  void aPain001CarriesTheStandardsVocabularyAndDecimalAmounts() {
    String xml = Pain001.write(Messages.initiation());

    assertThat(xml)
        .contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09")
        .contains("<doc:MsgId>pom_20261207_0001</doc:MsgId>")
        .contains("<doc:EndToEndId>po_1</doc:EndToEndId>")
        .contains("<doc:InstdAmt Ccy=\"EUR\">48.24</doc:InstdAmt>")
        .contains("<doc:InstdAmt Ccy=\"USD\">1500.00</doc:InstdAmt>")
        .contains("<doc:CtrlSum>1548.24</doc:CtrlSum>")
        .contains("<doc:Dt>2026-12-08</doc:Dt>")
        .contains("<doc:Cd>USABA</doc:Cd>")
        .contains("<doc:MmbId>110000000</doc:MmbId>");
  }

  @Test
  void anAmountInACurrencyWithoutDecimalsHasNone() {
    PaymentInitiation p = Messages.initiation();
    CreditTransfer yen =
        new CreditTransfer(
            "po_3", 500, "JPY", "Acme KK", BankAccount.iban("DE89370400440532013000"), null);
    PaymentInitiation withYen =
        new PaymentInitiation(
            p.messageId(), p.createdAt(), p.requestedExecutionDate(), p.debtor(), List.of(yen));

    String xml = Pain001.write(withYen);

    assertThat(xml).contains("<doc:InstdAmt Ccy=\"JPY\">500</doc:InstdAmt>");
    assertThat(Pain001.read(xml).transfers().get(0).amount()).isEqualTo(500);
    assertThatThrownBy(() -> Pain001.read(xml.replace(">500<", ">500.5<")))
        .isInstanceOf(InvalidMessage.class)
        .hasMessageContaining("decimals");
  }

  @Test
  void aMessageIdLongerThan35CharactersIsNotWritten() {
    PaymentInitiation p = Messages.initiation();
    PaymentInitiation tooLong =
        new PaymentInitiation(
            "m".repeat(36), p.createdAt(), p.requestedExecutionDate(), p.debtor(), p.transfers());

    assertThatThrownBy(() -> Pain001.write(tooLong)).isInstanceOf(InvalidMessage.class);
  }

  @Test
  void aPain002ReadsBackWithTransactionAndGroupReasons() {
    StatusReport partial =
        new StatusReport(
            "pain002-m1",
            "m1",
            "PART",
            List.of(
                new TransactionStatus("po_1", "ACSC", null),
                new TransactionStatus("po_2", "RJCT", "AC01")));
    StatusReport refused = new StatusReport("pain002-m2", "m2", "RJCT", List.of(), "FF01");

    String xml = Pain002.write(partial);

    assertThat(Pain002.read(xml)).isEqualTo(partial);
    assertThat(xml)
        .contains("<doc:OrgnlGrpInfAndSts>")
        .contains("<doc:GrpSts>PART</doc:GrpSts>")
        .contains("<doc:TxSts>RJCT</doc:TxSts>")
        .contains("<doc:Cd>AC01</doc:Cd>");
    assertThat(Pain002.read(Pain002.write(refused))).isEqualTo(refused);
  }

  @Test
  void aCamt054ReadsBackWithABookedDebitAndAReturnedCredit() {
    AccountNotification n =
        new AccountNotification(
            "camt054-m1",
            Instant.parse("2026-12-08T09:00:01Z"),
            "DE89370400440532013000",
            List.of(
                new BookedEntry("po_1", 4824, "EUR", false, LocalDate.parse("2026-12-08"), null),
                new BookedEntry(
                    "po_2", 150000, "USD", true, LocalDate.parse("2026-12-08"), "AC04")));

    String xml = Camt054.write(n);

    assertThat(Camt054.read(xml)).isEqualTo(n);
    assertThat(xml)
        .contains("<doc:CdtDbtInd>DBIT</doc:CdtDbtInd>")
        .contains("<doc:CdtDbtInd>CRDT</doc:CdtDbtInd>")
        .contains("<doc:Cd>BOOK</doc:Cd>")
        .contains("<doc:NtryDtls>")
        .contains("<doc:TxDtls>")
        .contains("<doc:RtrInf>")
        .contains("<doc:Cd>AC04</doc:Cd>");
  }

  @Test
  void garbageIsAnInvalidMessage() {
    assertThatThrownBy(() -> Pain001.read("not xml")).isInstanceOf(InvalidMessage.class);
    assertThatThrownBy(() -> Camt054.read("")).isInstanceOf(InvalidMessage.class);
  }
}
