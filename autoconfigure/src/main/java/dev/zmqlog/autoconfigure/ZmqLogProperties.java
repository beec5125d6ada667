package dev.zmqlog.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.zmqlog.logback.Overflow;
import dev.zmqlog.logback.ZmqLogAppender;
import dev.zmqlog.protocol.PayloadFormat;
import dev.zmqlog.transport.CurveSettings;
import dev.zmqlog.transport.SocketMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.logging.LogLevel;

/**
 * Settings of the ZeroMQ log publisher.
 *
 * @param enabled Whether to publish the application's logs over ZeroMQ
 * @param endpoints Endpoints to bind or connect, e.g. {@code tcp://127.0.0.1:5556}
 * @param mode Whether to bind the endpoints (subscribers connect in) or connect to them
 * (e.g. to a viewer in bind mode or a proxy)
 * @param rootTopic First topic segment; defaults to {@code spring.application.name}, else
 * none
 * @param format Logback pattern of the text payload for every level
 * @param formats Per-level patterns that override {@code format}
 * @param payload Payload format: {@code text} (pyzmq-compatible) or {@code json}
 * @param threshold Lowest level published; loggers' own levels apply first
 * @param subtopicDelimiter Delimiter that ends a subtopic prefix in a message, as in
 * {@code "db.pool::exhausted"}
 * @param subtopicMdcKey MDC key whose value becomes the subtopic
 * @param queueSize Number of events held for the publishing thread, rounded up to a power of two
 * @param overflow What a logging call does when the queue is full: {@code drop} (and
 * count) or {@code block} up to {@code block-timeout}
 * @param blockTimeout Longest time a logging call waits for room with
 * {@code overflow=block}
 * @param sendHighWaterMark ZeroMQ send high-water mark: messages queued per subscriber
 * @param awaitSubscriber How long early events wait for subscribers to join
 * @param awaitResubscribe How long events wait for a subscriber to come back after the
 * last one left (a viewer restarting); 0 sends them to nobody at once
 * @param linger Longest time shutdown spends sending what is queued
 * @param includeCallerData Whether JSON records carry the caller's file, line and method
 * even when no format needs them
 * @param curve CURVE encryption and authentication keys; none means a plain wire
 */
@ConfigurationProperties("zmq.log")
public record ZmqLogProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue(ZmqLogAppender.DEFAULT_ENDPOINT) List<String> endpoints, @DefaultValue("bind") SocketMode mode,
		@Nullable String rootTopic, @DefaultValue(ZmqLogAppender.DEFAULT_FORMAT) String format,
		@DefaultValue Formats formats, @DefaultValue("text") PayloadFormat payload,
		@DefaultValue("trace") LogLevel threshold, @DefaultValue("::") String subtopicDelimiter,
		@Nullable String subtopicMdcKey, @DefaultValue("65536") int queueSize, @DefaultValue("drop") Overflow overflow,
		@DefaultValue("1s") Duration blockTimeout, @DefaultValue("100000") int sendHighWaterMark,
		@DefaultValue("2s") Duration awaitSubscriber,
		@DefaultValue("30s") Duration awaitResubscribe, @DefaultValue("2s") Duration linger,
		@DefaultValue("false") boolean includeCallerData, @DefaultValue Curve curve) {

	public ZmqLogProperties {
		if (queueSize < 1) {
			throw new IllegalArgumentException("zmq.log.queue-size must be at least 1, was " + queueSize);
		}
		if (sendHighWaterMark < 0) {
			throw new IllegalArgumentException(
					"zmq.log.send-high-water-mark must be 0 (no limit) or more, was " + sendHighWaterMark);
		}
		if (endpoints.isEmpty()) {
			throw new IllegalArgumentException("zmq.log.endpoints must name at least one endpoint");
		}
		if (threshold == LogLevel.OFF) {
			throw new IllegalArgumentException("zmq.log.threshold OFF: use zmq.log.enabled=false instead");
		}
	}

	/**
	 * Per-level formats; an absent one falls back to {@code zmq.log.format}.
	 *
	 * @param trace Pattern for TRACE events
	 * @param debug Pattern for DEBUG events
	 * @param info Pattern for INFO events
	 * @param warn Pattern for WARN events
	 * @param error Pattern for ERROR events
	 */
	public record Formats(@Nullable String trace, @Nullable String debug, @Nullable String info,
			@Nullable String warn, @Nullable String error) {
	}

	/**
	 * ZeroMQ CURVE keys, Z85 strings of 40 characters (print a pair with
	 * {@code java -jar zmqlog-viewer.jar keygen}). In bind mode the publisher is the CURVE
	 * server and needs its key pair; in connect mode it needs the server's public key.
	 *
	 * @param secretKey Secret key of this publisher; keep it out of version control
	 * @param publicKey Public key of this publisher
	 * @param serverKey Public key of the CURVE server to connect to (connect mode)
	 * @param allowedClients Public keys of the subscribers allowed to connect (bind mode);
	 * empty allows any subscriber that knows the public key
	 */
	public record Curve(@Nullable String secretKey, @Nullable String publicKey, @Nullable String serverKey,
			@DefaultValue List<String> allowedClients) {

		/** The keys for the socket. */
		public CurveSettings settings() {
			return new CurveSettings(this.secretKey, this.publicKey, this.serverKey, this.allowedClients);
		}

	}

}
