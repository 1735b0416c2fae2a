package dev.payplatform.payments.service.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Every automatic payout pays exactly its items (docs/payouts.md): its amount equals the sum of its
 * {@code payout_item} nets. Part of {@link LedgerVerification}; apart because it reads the payout
 * tables, not the ledger's chains.
 */
@ApplicationScoped
public class PayoutItemsVerification {
  private static final String PAYOUT_ITEMS =
      "select p.id, p.amount, coalesce(sum(i.net), 0) from payout p"
          + " left join payout_item i on i.payout_id = p.id where p.automatic"
          + " group by p.id, p.amount having p.amount <> coalesce(sum(i.net), 0)";

  /** One problem for each automatic payout whose items do not add up to it. */
  public Uni<List<String>> problems(Mutiny.Session s) {
    return s.createNativeQuery(PAYOUT_ITEMS, Object[].class)
        .getResultList()
        .map(
            rows -> {
              List<String> problems = new ArrayList<>();
              for (Object[] r : rows) {
                problems.add("payout " + r[0] + " is " + r[1] + " but its items add up to " + r[2]);
              }
              return problems;
            });
  }
}
