package dev.payplatform.processor;

/**
 * A real gateway connector: a {@link CardProcessor} for live charges of the gateway accounts it
 * serves. None ships with the platform; a deployment adds one as a CDI bean.
 */
public interface LiveConnector extends CardProcessor {
  boolean serves(String gatewayAccountId);
}
