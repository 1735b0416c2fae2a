package dev.payplatform.commons.it;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.events.OutgoingEvent;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

@ApplicationScoped
public class NoteService {
  static final String TOPIC = "test.commons.notes";
  private final OutboxWriter outbox;

  public NoteService(OutboxWriter outbox) {
    this.outbox = outbox;
  }

  @WithTransaction
  public Uni<Note> create(String merchantId, String text, boolean failAfterWrite) {
    Note note = new Note();
    note.id = Ids.newId("note");
    note.merchantId = merchantId;
    note.text = text;
    return note.<Note>persist()
        .call(
            n ->
                outbox.append(
                    new OutgoingEvent(
                        TOPIC,
                        "note.created",
                        n.id,
                        merchantId,
                        false,
                        Map.of("id", n.id, "text", text))))
        // Flush so the rows really were written before the rollback: otherwise the test proves
        // nothing: Hibernate Reactive would otherwise defer the inserts past the throw.
        .call(n -> Panache.flush())
        .invoke(
            n -> {
              if (failAfterWrite) {
                throw new ApiException(409, "Conflict", "rolled back on purpose");
              }
            });
  }
}
