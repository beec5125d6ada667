/**
 * The Logback appender that publishes log events over ZeroMQ.
 */
@NullMarked
package dev.zmqlog.logback;

import org.jspecify.annotations.NullMarked;
