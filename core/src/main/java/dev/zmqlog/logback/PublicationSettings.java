package dev.zmqlog.logback;

import java.time.Duration;
import java.util.List;

import dev.zmqlog.transport.CurveSettings;
import dev.zmqlog.transport.SocketMode;

/**
 * The settings a running publisher was opened with (socket, queue, I/O thread): an appender
 * started by a reconfiguration takes the running publisher over only when they are equal.
 * The settings of the encoding (formats, payload, topics) may change.
 */
record PublicationSettings(List<String> endpoints, SocketMode mode, int sendHighWaterMark, CurveSettings curve,
		int queueSize, Overflow overflow, Duration blockTimeout, Duration awaitSubscriber, Duration awaitResubscribe,
		Duration linger) {
}
