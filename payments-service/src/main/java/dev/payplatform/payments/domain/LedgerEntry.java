package dev.payplatform.payments.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A posted journal entry, read-only (the ledger writes with {@code Ledger}; the rows never change).
 */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {
  @Id public Long id;
  public String txnId;
  public String idemKey;
  public String merchantId;
  public boolean livemode;
  public String type;
  public String source;
  public String currency;
  public long amount;
  public long fee;
  public long net;
  public Long originalAmount;
  public String originalCurrency;
  public BigDecimal exchangeRate;
  public Instant availableOn;
  public Instant createdAt;
  public long chainSeq;
  public String prevHash;
  public String hash;
}
