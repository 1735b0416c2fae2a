package dev.payplatform.edge.service;

/**
 * What an operator sets on a merchant. Creating, a null takes the default; updating, a null leaves
 * the field as it is. The operator API's bodies provide it, their fields' shapes already checked.
 */
public interface MerchantDetails {
  String name();

  String gatewayAccountId();

  String settlementCurrency();

  String localCurrency();

  String feePercent();

  Long feeFixed();

  String statementDescriptor();

  String lateSuccess();

  Integer rateLimitTest();

  Integer rateLimitLive();
}
