/**
 * zmqlog: stream logs from the JVM over ZeroMQ, readable by pyzmq's log watcher.
 */
@NullMarked
package dev.zmqlog;

import org.jspecify.annotations.NullMarked;
