package dev.zmqlog.transport;

/**
 * One log event as it goes on the wire: a topic frame and a payload frame.
 *
 * @param topic the UTF-8 topic
 * @param payload the UTF-8 payload
 */
public record WireMessage(byte[] topic, byte[] payload) {
}
