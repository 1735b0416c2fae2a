package dev.payplatform.processor;

import java.util.Optional;

/** Where connectors find a gateway account's settings: checkout's directory of them. */
public interface GatewayAccounts {
  Optional<GatewayAccount> find(String id);
}
