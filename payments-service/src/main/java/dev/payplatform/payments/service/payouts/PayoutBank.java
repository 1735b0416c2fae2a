package dev.payplatform.payments.service.payouts;

import dev.payplatform.bankrail.SftpBank;
import dev.payplatform.commons.web.CallerContext;
import dev.payplatform.payments.config.PaymentsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The payout bank's SFTP server as payments-service uses it: one connection per piece of work, on a
 * worker thread (the SSH client blocks), answered back on the caller's context. Without a
 * configured host there is no bank: payouts wait in {@code pending}.
 */
@ApplicationScoped
public class PayoutBank {
  /** What to do with a connection. */
  public interface Work<T> {
    T on(SftpBank bank) throws IOException;
  }

  private final PaymentsConfig.Bank config;

  public PayoutBank(PaymentsConfig config) {
    this.config = config.payouts().bank();
  }

  public boolean configured() {
    return config.host().isPresent()
        && config.privateKey().isPresent()
        && config.hostKey().isPresent();
  }

  public PaymentsConfig.Bank config() {
    return config;
  }

  public <T> Uni<T> with(Work<T> work) {
    SftpBank.Settings settings =
        new SftpBank.Settings(
            config.host().orElseThrow(),
            config.port(),
            config.user(),
            config.privateKey().orElseThrow(),
            config.hostKey().orElseThrow(),
            config.timeout());
    return CallerContext.onWorker(
        () -> {
          try (SftpBank bank = SftpBank.connect(settings)) {
            return work.on(bank);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
