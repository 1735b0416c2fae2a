package dev.payplatform.checkout.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A gateway account as checkout stores it (docs/connectors.md): the connector kind, the acquirer's
 * endpoint, the card acceptor ids, and the connector's keys sealed ({@code sealedCredentials});
 * only their names are readable.
 */
@Entity
@Table(name = "gateway_account")
public class GatewayAccountEntity extends PanacheEntityBase {
  public static final String ID_PREFIX = "acct";

  @Id public String id;
  public String kind;
  public String status;
  public String host;
  public Integer port;
  public String terminalId;
  public String cardAcceptorId;
  public String merchantCategoryCode;
  public String acquiringInstitutionId;
  public String cardAcceptorName;
  public String settlementCurrency;
  public String sealedCredentials;
  public String[] credentialNames;
  public Instant createdAt;
  public Instant updatedAt;
}
