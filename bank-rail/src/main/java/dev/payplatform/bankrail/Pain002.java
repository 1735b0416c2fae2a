package dev.payplatform.bankrail;

import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader86;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupHeader17;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.StatusReason6Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * pain.002.001.10 CustomerPaymentStatusReport: the group's status in OrgnlGrpInfAndSts (GrpSts,
 * with StsRsnInf/Rsn/Cd when a whole file is refused), each transfer's in TxInfAndSts (TxSts and
 * StsRsnInf/Rsn/Cd), under one OrgnlPmtInfAndSts whose OrgnlPmtInfId is the original MsgId (a
 * {@link Pain001} file's only PmtInfId).
 */
public final class Pain002 {
  public static final String MESSAGE = "pain.002.001.10";
  private static final Set<String> GROUP = Set.of("ACCP", "PART", "RJCT", "ACSC", "ACTC", "RCVD");
  private static final Set<String> TRANSACTION = Set.of("ACSC", "ACCP", "RJCT", "ACTC", "ACSP");

  private Pain002() {}

  public static String write(StatusReport r) {
    OriginalGroupHeader17 group =
        new OriginalGroupHeader17()
            .setOrgnlMsgId(Iso.max35("OrgnlMsgId", r.originalMessageId()))
            .setOrgnlMsgNmId(Pain001.MESSAGE)
            .setGrpSts(status(GROUP, r.groupStatus()));
    if (r.groupReasonCode() != null) {
      group.getStsRsnInf().add(reason(r.groupReasonCode()));
    }
    CustomerPaymentStatusReportV10 doc =
        new CustomerPaymentStatusReportV10()
            .setGrpHdr(
                new GroupHeader86()
                    .setMsgId(Iso.max35("MsgId", r.messageId()))
                    .setCreDtTm(Iso.dateTime(Instant.now())))
            .setOrgnlGrpInfAndSts(group);
    List<TransactionStatus> transactions = r.transactions() == null ? List.of() : r.transactions();
    if (!transactions.isEmpty()) {
      OriginalPaymentInstruction32 pmtInf =
          new OriginalPaymentInstruction32().setOrgnlPmtInfId(r.originalMessageId());
      for (TransactionStatus t : transactions) {
        PaymentTransaction105 tx =
            new PaymentTransaction105()
                .setOrgnlEndToEndId(Iso.max35("OrgnlEndToEndId", t.endToEndId()))
                .setTxSts(status(TRANSACTION, t.status()));
        if (t.reasonCode() != null) {
          tx.getStsRsnInf().add(reason(t.reasonCode()));
        }
        pmtInf.getTxInfAndSts().add(tx);
      }
      doc.getOrgnlPmtInfAndSts().add(pmtInf);
    }
    String xml = new MxPain00200110().setCstmrPmtStsRpt(doc).document();
    Iso20022Schemas.validate(xml, MESSAGE);
    return xml;
  }

  public static StatusReport read(String xml) {
    Iso20022Schemas.validate(xml, MESSAGE);
    CustomerPaymentStatusReportV10 doc =
        Iso.present(MxPain00200110.parse(xml), "Document").getCstmrPmtStsRpt();
    OriginalGroupHeader17 group = doc.getOrgnlGrpInfAndSts();
    List<TransactionStatus> transactions = new ArrayList<>();
    for (OriginalPaymentInstruction32 pmtInf : doc.getOrgnlPmtInfAndSts()) {
      for (PaymentTransaction105 tx : pmtInf.getTxInfAndSts()) {
        transactions.add(
            new TransactionStatus(
                Iso.max35("OrgnlEndToEndId", tx.getOrgnlEndToEndId()),
                status(TRANSACTION, tx.getTxSts()),
                reasonCode(tx.getStsRsnInf())));
      }
    }
    return new StatusReport(
        Iso.max35("MsgId", doc.getGrpHdr().getMsgId()),
        Iso.max35("OrgnlMsgId", group.getOrgnlMsgId()),
        group.getGrpSts() == null ? null : status(GROUP, group.getGrpSts()),
        List.copyOf(transactions),
        reasonCode(group.getStsRsnInf()));
  }

  private static String status(Set<String> allowed, String status) {
    if (status == null || !allowed.contains(status)) {
      throw new InvalidMessage("unexpected status " + status);
    }
    return status;
  }

  private static StatusReasonInformation12 reason(String code) {
    return new StatusReasonInformation12()
        .setRsn(new StatusReason6Choice().setCd(Iso.code("Rsn/Cd", code)));
  }

  private static String reasonCode(List<StatusReasonInformation12> reasons) {
    for (StatusReasonInformation12 info : reasons) {
      if (info.getRsn() != null && info.getRsn().getCd() != null) {
        return Iso.code("Rsn/Cd", info.getRsn().getCd());
      }
    }
    return null;
  }
}
