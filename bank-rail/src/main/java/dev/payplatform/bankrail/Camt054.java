package dev.payplatform.bankrail;

import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure5;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason5;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import java.util.ArrayList;
import java.util.List;

/**
 * camt.054.001.08 BankToCustomerDebitCreditNotification: one Ntfctn for the platform's account, one
 * booked Ntry (Sts BOOK) per transfer with one NtryDtls/TxDtls carrying its EndToEndId. A transfer
 * that left is DBIT (bank transaction code PMNT/ICDT/ESCT); a returned one is CRDT (PMNT/ICDT/RRTN)
 * with RtrInf/Rsn/Cd.
 */
public final class Camt054 {
  public static final String MESSAGE = "camt.054.001.08";
  private static final String BOOKED = "BOOK";

  private Camt054() {}

  public static String write(AccountNotification n) {
    AccountNotification17 ntfctn =
        new AccountNotification17()
            .setId(Iso.max35("Ntfctn/Id", n.messageId()))
            .setCreDtTm(Iso.dateTime(n.createdAt()))
            .setAcct(
                new CashAccount39()
                    .setId(
                        new AccountIdentification4Choice()
                            .setIBAN(BankAccount.iban(n.accountIban()).iban())));
    for (BookedEntry e : n.entries()) {
      ntfctn.getNtry().add(entry(e));
    }
    BankToCustomerDebitCreditNotificationV08 doc =
        new BankToCustomerDebitCreditNotificationV08()
            .setGrpHdr(
                new GroupHeader81()
                    .setMsgId(Iso.max35("MsgId", n.messageId()))
                    .setCreDtTm(Iso.dateTime(Iso.present(n.createdAt(), "CreDtTm"))));
    doc.getNtfctn().add(ntfctn);
    String xml = new MxCamt05400108().setBkToCstmrDbtCdtNtfctn(doc).document();
    Iso20022Schemas.validate(xml, MESSAGE);
    return xml;
  }

  public static AccountNotification read(String xml) {
    Iso20022Schemas.validate(xml, MESSAGE);
    BankToCustomerDebitCreditNotificationV08 doc =
        Iso.present(MxCamt05400108.parse(xml), "Document").getBkToCstmrDbtCdtNtfctn();
    if (doc.getNtfctn().size() != 1) {
      throw new InvalidMessage("expected one Ntfctn, found " + doc.getNtfctn().size());
    }
    AccountNotification17 ntfctn = doc.getNtfctn().get(0);
    List<BookedEntry> entries = new ArrayList<>();
    for (ReportEntry10 ntry : ntfctn.getNtry()) {
      if (ntry.getSts() == null || !BOOKED.equals(ntry.getSts().getCd())) {
        continue; // pending or informational entries are not bookings
      }
      entries.add(read(ntry));
    }
    return new AccountNotification(
        Iso.max35("MsgId", doc.getGrpHdr().getMsgId()),
        Iso.instant(doc.getGrpHdr().getCreDtTm()),
        Iso.present(ntfctn.getAcct().getId().getIBAN(), "Acct/Id/IBAN"),
        List.copyOf(entries));
  }

  private static ReportEntry10 entry(BookedEntry e) {
    ActiveOrHistoricCurrencyAndAmount amount =
        new ActiveOrHistoricCurrencyAndAmount()
            .setCcy(e.currency())
            .setValue(Iso.decimal(e.amount(), e.currency()));
    CreditDebitCode direction = e.credit() ? CreditDebitCode.CRDT : CreditDebitCode.DBIT;
    BankTransactionCodeStructure4 code =
        new BankTransactionCodeStructure4()
            .setDomn(
                new BankTransactionCodeStructure5()
                    .setCd("PMNT")
                    .setFmly(
                        new BankTransactionCodeStructure6()
                            .setCd("ICDT")
                            .setSubFmlyCd(e.returnReasonCode() != null ? "RRTN" : "ESCT")));
    EntryTransaction10 tx =
        new EntryTransaction10()
            .setRefs(
                new TransactionReferences6().setEndToEndId(Iso.max35("EndToEndId", e.endToEndId())))
            .setAmt(amount)
            .setCdtDbtInd(direction);
    if (e.returnReasonCode() != null) {
      tx.setRtrInf(
          new PaymentReturnReason5()
              .setRsn(
                  new ReturnReason5Choice()
                      .setCd(Iso.code("RtrInf/Rsn/Cd", e.returnReasonCode()))));
    }
    EntryDetails9 details = new EntryDetails9();
    details.getTxDtls().add(tx);
    ReportEntry10 ntry =
        new ReportEntry10()
            .setAmt(amount)
            .setCdtDbtInd(direction)
            .setSts(new EntryStatus1Choice().setCd(BOOKED))
            .setBookgDt(new DateAndDateTime2Choice().setDt(Iso.date(e.bookingDate(), "BookgDt")))
            .setBkTxCd(code);
    ntry.getNtryDtls().add(details);
    return ntry;
  }

  private static BookedEntry read(ReportEntry10 ntry) {
    if (ntry.getNtryDtls().size() != 1 || ntry.getNtryDtls().get(0).getTxDtls().size() != 1) {
      throw new InvalidMessage("expected one NtryDtls/TxDtls per Ntry");
    }
    EntryTransaction10 tx = ntry.getNtryDtls().get(0).getTxDtls().get(0);
    ActiveOrHistoricCurrencyAndAmount amount = Iso.present(ntry.getAmt(), "Ntry/Amt");
    String reason =
        tx.getRtrInf() == null || tx.getRtrInf().getRsn() == null
            ? null
            : Iso.code("RtrInf/Rsn/Cd", tx.getRtrInf().getRsn().getCd());
    return new BookedEntry(
        Iso.max35("EndToEndId", Iso.present(tx.getRefs(), "TxDtls/Refs").getEndToEndId()),
        Iso.minor(amount.getValue(), amount.getCcy()),
        amount.getCcy(),
        Iso.present(ntry.getCdtDbtInd(), "CdtDbtInd") == CreditDebitCode.CRDT,
        Iso.date(Iso.present(ntry.getBookgDt(), "BookgDt").getDt(), "BookgDt/Dt"),
        reason);
  }
}
