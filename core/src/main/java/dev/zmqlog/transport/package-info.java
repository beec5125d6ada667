/**
 * ZeroMQ sockets: the publisher's XPUB socket and the subscriber client.
 */
@NullMarked
package dev.zmqlog.transport;

import org.jspecify.annotations.NullMarked;
