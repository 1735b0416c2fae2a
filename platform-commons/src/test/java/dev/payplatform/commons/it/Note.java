package dev.payplatform.commons.it;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "it_note")
public class Note extends PanacheEntityBase {
  @Id public String id;
  public String merchantId;
  public String text;
}
