package dev.payplatform.bankrail;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemIdentification2Choice;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemMemberIdentification2;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * pain.001.001.09 CustomerCreditTransferInitiation: one payment information block (PmtInf) per
 * file, from the debtor's account, with one CdtTrfTxInf per payout (EndToEndId = payout id). A US
 * creditor's account is Othr/Id with the routing number as the creditor agent's USABA member id.
 */
public final class Pain001 {
  public static final String MESSAGE = "pain.001.001.09";
  private static final String USABA = "USABA";
  private static final String NOT_PROVIDED = "NOTPROVIDED";

  private Pain001() {}

  /** The file's XML, validated against the schema before it is returned. */
  public static String write(PaymentInitiation p) {
    if (p.transfers() == null || p.transfers().isEmpty()) {
      throw new InvalidMessage("a pain.001 needs at least one transfer");
    }
    PaymentInstruction30 pmtInf =
        new PaymentInstruction30()
            .setPmtInfId(Iso.max35("PmtInfId", p.messageId()))
            .setPmtMtd(PaymentMethod3Code.TRF)
            .setNbOfTxs(Integer.toString(p.transfers().size()))
            .setReqdExctnDt(
                new DateAndDateTime2Choice()
                    .setDt(Iso.date(p.requestedExecutionDate(), "ReqdExctnDt")))
            .setDbtr(new PartyIdentification135().setNm(Iso.max140("Dbtr/Nm", p.debtor().name())))
            .setDbtrAcct(new CashAccount38().setId(ibanId(BankAccount.iban(p.debtor().iban()))))
            .setDbtrAgt(agent(Iso.bic(p.debtor().bic())))
            .setChrgBr(ChargeBearerType1Code.SLEV);
    BigDecimal sum = BigDecimal.ZERO;
    for (CreditTransfer t : p.transfers()) {
      BigDecimal amount = Iso.decimal(t.amount(), t.currency());
      sum = sum.add(amount);
      pmtInf.getCdtTrfTxInf().add(transaction(t, amount));
    }
    pmtInf.setCtrlSum(sum);
    CustomerCreditTransferInitiationV09 doc =
        new CustomerCreditTransferInitiationV09()
            .setGrpHdr(
                new GroupHeader85()
                    .setMsgId(Iso.max35("MsgId", p.messageId()))
                    .setCreDtTm(Iso.dateTime(Iso.present(p.createdAt(), "CreDtTm")))
                    .setNbOfTxs(Integer.toString(p.transfers().size()))
                    .setCtrlSum(sum)
                    .setInitgPty(new PartyIdentification135().setNm(p.debtor().name())));
    doc.getPmtInf().add(pmtInf);
    String xml = new MxPain00100109().setCstmrCdtTrfInitn(doc).document();
    Iso20022Schemas.validate(xml, MESSAGE);
    return xml;
  }

  /** Validates, then reads; throws {@link InvalidMessage}. */
  public static PaymentInitiation read(String xml) {
    Iso20022Schemas.validate(xml, MESSAGE);
    MxPain00100109 mx = MxPain00100109.parse(xml);
    CustomerCreditTransferInitiationV09 doc = Iso.present(mx, "Document").getCstmrCdtTrfInitn();
    if (doc.getPmtInf().size() != 1) {
      throw new InvalidMessage("expected one PmtInf, found " + doc.getPmtInf().size());
    }
    PaymentInstruction30 pmtInf = doc.getPmtInf().get(0);
    // Code lists are plain strings in the generated schema (decision 0030): checked here.
    if (pmtInf.getPmtMtd() != PaymentMethod3Code.TRF) {
      throw new InvalidMessage("PmtMtd must be TRF (a credit transfer)");
    }
    String bic = pmtInf.getDbtrAgt().getFinInstnId().getBICFI();
    Debtor debtor =
        new Debtor(
            Iso.max140("Dbtr/Nm", pmtInf.getDbtr().getNm()),
            Iso.present(pmtInf.getDbtrAcct().getId().getIBAN(), "DbtrAcct/Id/IBAN"),
            Iso.bic(bic));
    List<CreditTransfer> transfers = new ArrayList<>();
    try {
      BankAccount.iban(debtor.iban());
      for (CreditTransferTransaction34 tx : pmtInf.getCdtTrfTxInf()) {
        ActiveOrHistoricCurrencyAndAmount amt =
            Iso.present(tx.getAmt().getInstdAmt(), "Amt/InstdAmt");
        String remittance =
            tx.getRmtInf() == null || tx.getRmtInf().getUstrd().isEmpty()
                ? null
                : tx.getRmtInf().getUstrd().get(0);
        transfers.add(
            new CreditTransfer(
                Iso.max35("EndToEndId", tx.getPmtId().getEndToEndId()),
                Iso.minor(amt.getValue(), amt.getCcy()),
                amt.getCcy(),
                Iso.max140("Cdtr/Nm", Iso.present(tx.getCdtr(), "Cdtr").getNm()),
                creditorAccount(tx),
                Iso.optionalMax140("RmtInf/Ustrd", remittance)));
      }
    } catch (InvalidBankAccount e) {
      throw new InvalidMessage("an account is invalid: " + e.getMessage(), e);
    }
    return new PaymentInitiation(
        Iso.max35("MsgId", doc.getGrpHdr().getMsgId()),
        Iso.instant(doc.getGrpHdr().getCreDtTm()),
        Iso.date(pmtInf.getReqdExctnDt().getDt(), "ReqdExctnDt/Dt"),
        debtor,
        List.copyOf(transfers));
  }

  private static CreditTransferTransaction34 transaction(CreditTransfer t, BigDecimal amount) {
    BankAccount account = Iso.present(t.creditorAccount(), "CdtrAcct");
    CreditTransferTransaction34 tx =
        new CreditTransferTransaction34()
            .setPmtId(
                new PaymentIdentification6()
                    .setInstrId(Iso.max35("InstrId", t.endToEndId()))
                    .setEndToEndId(Iso.max35("EndToEndId", t.endToEndId())))
            .setAmt(
                new AmountType4Choice()
                    .setInstdAmt(
                        new ActiveOrHistoricCurrencyAndAmount()
                            .setCcy(t.currency())
                            .setValue(amount)))
            .setCdtr(new PartyIdentification135().setNm(Iso.max140("Cdtr/Nm", t.creditorName())));
    if (account.iban() != null) {
      tx.setCdtrAcct(new CashAccount38().setId(ibanId(account)));
    } else {
      tx.setCdtrAgt(
          new BranchAndFinancialInstitutionIdentification6()
              .setFinInstnId(
                  new FinancialInstitutionIdentification18()
                      .setClrSysMmbId(
                          new ClearingSystemMemberIdentification2()
                              .setClrSysId(new ClearingSystemIdentification2Choice().setCd(USABA))
                              .setMmbId(account.routingNumber()))));
      tx.setCdtrAcct(
          new CashAccount38()
              .setId(
                  new AccountIdentification4Choice()
                      .setOthr(
                          new GenericAccountIdentification1().setId(account.accountNumber()))));
    }
    String remittance = Iso.optionalMax140("RmtInf/Ustrd", t.remittanceInfo());
    if (remittance != null) {
      RemittanceInformation16 rmtInf = new RemittanceInformation16();
      rmtInf.getUstrd().add(remittance);
      tx.setRmtInf(rmtInf);
    }
    return tx;
  }

  private static BankAccount creditorAccount(CreditTransferTransaction34 tx) {
    AccountIdentification4Choice id = Iso.present(tx.getCdtrAcct(), "CdtrAcct").getId();
    if (id.getIBAN() != null) {
      return BankAccount.iban(id.getIBAN());
    }
    ClearingSystemMemberIdentification2 member =
        tx.getCdtrAgt() == null ? null : tx.getCdtrAgt().getFinInstnId().getClrSysMmbId();
    if (id.getOthr() == null
        || member == null
        || member.getClrSysId() == null
        || !USABA.equals(member.getClrSysId().getCd())) {
      throw new InvalidMessage("a creditor account is neither an IBAN nor a US (USABA) account");
    }
    return BankAccount.us(id.getOthr().getId(), member.getMmbId());
  }

  private static AccountIdentification4Choice ibanId(BankAccount account) {
    return new AccountIdentification4Choice().setIBAN(account.iban());
  }

  // Without a BIC, the EPC's "NOTPROVIDED" in Othr/Id, as SEPA files do.
  private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
    FinancialInstitutionIdentification18 id = new FinancialInstitutionIdentification18();
    if (bic != null) {
      id.setBICFI(bic);
    } else {
      id.setOthr(new GenericFinancialIdentification1().setId(NOT_PROVIDED));
    }
    return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(id);
  }
}
