package dev.payplatform.bankrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Iso20022SchemasTest {
  private final Iso20022Schemas generated = new Iso20022Schemas(null);

  @Test
  void prowidesMarshalledMessagesValidateAgainstTheGeneratedSchemas() {
    String pain001 = Pain001.write(Messages.initiation());
    String pain002 =
        Pain002.write(
            new StatusReport(
                "s1", "m1", "PART", List.of(new TransactionStatus("po_1", "RJCT", "AC01"))));
    String camt054 =
        Camt054.write(
            new AccountNotification(
                "n1",
                Instant.parse("2026-12-08T09:00:00Z"),
                Messages.DEBTOR.iban(),
                List.of(new BookedEntry("po_1", 100, "EUR", false, LocalDate.now(), null))));

    assertThatCode(() -> generated.check(pain001, "pain.001.001.09")).doesNotThrowAnyException();
    assertThatCode(() -> generated.check(pain002, "pain.002.001.10")).doesNotThrowAnyException();
    assertThatCode(() -> generated.check(camt054, "camt.054.001.08")).doesNotThrowAnyException();
  }

  @Test
  void theGeneratedSchemaQualifiesTheModelsElementsInTheMessagesNamespace() {
    String xsd = Iso20022Schemas.generated("pain.001.001.09");

    assertThat(xsd)
        .contains("targetNamespace=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"")
        .contains("elementFormDefault=\"qualified\"")
        .contains("name=\"Document\"")
        .contains("name=\"CdtTrfTxInf\"")
        .doesNotContain("xs:import");
  }

  @Test
  void aMessageMissingARequiredElementIsRefused() {
    String xml =
        Pain001.write(Messages.initiation()).replaceFirst("<doc:MsgId>[^<]*</doc:MsgId>", "");

    assertThatThrownBy(() -> generated.check(xml, "pain.001.001.09"))
        .isInstanceOf(InvalidMessage.class)
        .hasMessageContaining("CreDtTm");
  }

  @Test
  void elementsInTheWrongOrderAreRefused() {
    String xml = Pain001.write(Messages.initiation());
    String msgId = xml.substring(xml.indexOf("<doc:MsgId>"), xml.indexOf("</doc:MsgId>") + 12);
    String creDtTm =
        xml.substring(xml.indexOf("<doc:CreDtTm>"), xml.indexOf("</doc:CreDtTm>") + 14);
    String swapped = xml.replace(msgId, "@@").replace(creDtTm, msgId).replace("@@", creDtTm);

    assertThatThrownBy(() -> generated.check(swapped, "pain.001.001.09"))
        .isInstanceOf(InvalidMessage.class);
  }

  @Test
  void anUnknownElementIsRefused() {
    String xml =
        Pain001.write(Messages.initiation())
            .replace("<doc:NbOfTxs>", "<doc:Surprise>1</doc:Surprise><doc:NbOfTxs>");

    assertThatThrownBy(() -> generated.check(xml, "pain.001.001.09"))
        .isInstanceOf(InvalidMessage.class);
  }

  @Test
  void aMessageOfAnotherTypeIsRefused() {
    String pain001 = Pain001.write(Messages.initiation());

    assertThatThrownBy(() -> generated.check(pain001, "pain.002.001.10"))
        .isInstanceOf(InvalidMessage.class);
    assertThatThrownBy(() -> Pain002.read(pain001)).isInstanceOf(InvalidMessage.class);
  }

  @Test
  void aDoctypeIsRefusedSoNoEntityIsExpanded() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + Pain001.write(Messages.initiation()).replaceFirst("<\\?xml[^>]*>", "");

    assertThatThrownBy(() -> generated.check(xml, "pain.001.001.09"))
        .isInstanceOf(InvalidMessage.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void aCodeOutsideItsListPassesTheGeneratedSchemaSoTheReaderChecksIt() {
    // The JAXB model types code lists as strings: the generated schema's known limit.
    String xml = Pain001.write(Messages.initiation()).replace(">TRF<", ">CHK<");

    assertThatCode(() -> generated.check(xml, "pain.001.001.09")).doesNotThrowAnyException();
    assertThatThrownBy(() -> Pain001.read(xml))
        .isInstanceOf(InvalidMessage.class)
        .hasMessageContaining("PmtMtd");
  }

  @Test
  void aTooLongMax35TextPassesTheGeneratedSchemaSoTheReaderChecksIt() {
    String xml =
        Pain001.write(Messages.initiation()).replace(">po_1<", ">po_" + "x".repeat(40) + "<");

    assertThatCode(() -> generated.check(xml, "pain.001.001.09")).doesNotThrowAnyException();
    assertThatThrownBy(() -> Pain001.read(xml))
        .isInstanceOf(InvalidMessage.class)
        .hasMessageContaining("EndToEndId");
  }

  @Test
  void officialXsdsInTheConfiguredDirectoryAreUsedInsteadOfTheGeneratedOnes(@TempDir Path dir)
      throws Exception {
    // A stand-in "official" schema that accepts only an empty Document: proves which one is used.
    Files.writeString(
        dir.resolve("pain.001.001.09.xsd"),
        """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
            targetNamespace="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"
            elementFormDefault="qualified">
          <xs:element name="Document"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
        </xs:schema>
        """);
    Iso20022Schemas official = new Iso20022Schemas(dir);

    assertThat(official.source("pain.001.001.09")).endsWith("pain.001.001.09.xsd");
    assertThat(official.source("pain.002.001.10")).isEqualTo("generated");
    assertThatThrownBy(
            () -> official.check(Pain001.write(Messages.initiation()), "pain.001.001.09"))
        .isInstanceOf(InvalidMessage.class);
    assertThatCode(
            () ->
                official.check(
                    "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>",
                    "pain.001.001.09"))
        .doesNotThrowAnyException();
  }
}
