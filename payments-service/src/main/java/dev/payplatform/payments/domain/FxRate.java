package dev.payplatform.payments.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One recorded exchange rate: units of {@link #currency} per 1 USD. Rows are never updated; the
 * newest row of a currency is its current rate, the older ones its history.
 */
@Entity
@Table(name = "fx_rate")
public class FxRate extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String currency;
  public BigDecimal unitsPerUsd;
  public Instant recordedAt;
  public String source;
}
