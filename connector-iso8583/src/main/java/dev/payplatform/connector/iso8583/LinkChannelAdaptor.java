package dev.payplatform.connector.iso8583;

import org.jpos.iso.ISOChannel;
import org.jpos.q2.iso.ChannelAdaptor;

/**
 * jPOS's {@link ChannelAdaptor} (the sender and receiver threads, reconnecting after {@code
 * reconnect-delay}) over a channel built here rather than by Q2's factory, so the connector needs
 * no Q2 deployment.
 */
final class LinkChannelAdaptor extends ChannelAdaptor {
  private final ISOChannel channel;

  LinkChannelAdaptor(ISOChannel channel) {
    this.channel = channel;
  }

  @Override
  protected ISOChannel initChannel() {
    return channel;
  }
}
