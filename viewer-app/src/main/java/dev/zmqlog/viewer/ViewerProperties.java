package dev.zmqlog.viewer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.zmqlog.transport.CurveKeyNames;
import dev.zmqlog.transport.CurveSettings;
import dev.zmqlog.transport.ReceiveMode;
import dev.zmqlog.viewer.store.StoreType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the viewer.
 *
 * @param endpoints Endpoints to subscribe to (connect) or to bind (so that applications
 * connect in).
 * @param mode Whether to connect to the endpoints or bind them, or bind a PULL socket for
 * publishers that push (Python Logbook's ZeroMQHandler with multi=True).
 * @param topics Topic prefixes to subscribe to; empty means every topic.
 * @param historySize Number of entries kept in memory for new browsers and the API.
 * @param historyMaxMemory Most heap the history's entries may take; the oldest are
 * forgotten first, whatever {@code history-size} says.
 * @param maxMessageSize Largest message accepted; larger ones are dropped by the socket.
 * @param receiveBuffer Most bytes the socket holds for all publishers together; a message
 * that arrives while it holds that many is dropped whole and counted
 * ({@code /api/stats} {@code receiveBufferFull}). Each publisher is also held to 1,000
 * messages, beyond which the socket stops reading it and its own queue holds or drops.
 * @param sessionMaxMemory Most heap the entries waiting for one browser may take; a browser
 * that falls further behind is told how many it missed.
 * @param stallTimeout How long a browser may take no data while entries wait for it
 * before it is disconnected, counted in the viewer's running time.
 * @param topicsMaxMemory Most heap the topic table may take; topics beyond it are counted
 * together.
 * @param sourcesMaxMemory Most heap the source table may take; the sources seen least
 * recently leave it first, their counts kept in one row.
 * @param relay Whether to re-log every received entry through the viewer's own Logback,
 * so that logback-spring.xml can archive it.
 * @param sessionQueueSize Entries held per browser; a browser that falls further behind
 * is told how many it missed.
 * @param accessToken Token that guards the UI, the API and the stream (also read from the
 * ZMQLOG_ACCESS_TOKEN environment variable); required when the viewer listens on an
 * address other than loopback.
 * @param curve CURVE encryption and authentication keys; none means a plain wire.
 * @param store Where history is kept beyond the recent window.
 */
@ConfigurationProperties("zmq.log.viewer")
public record ViewerProperties(@DefaultValue("tcp://127.0.0.1:5556") List<String> endpoints,
		@DefaultValue("connect") ReceiveMode mode, @DefaultValue("") List<String> topics,
		@DefaultValue("50000") int historySize, @DefaultValue("64MB") DataSize historyMaxMemory,
		@DefaultValue("1MB") DataSize maxMessageSize, @DefaultValue("32MB") DataSize receiveBuffer,
		@DefaultValue("false") boolean relay, @DefaultValue("20000") int sessionQueueSize,
		@DefaultValue("16MB") DataSize sessionMaxMemory, @DefaultValue("30s") Duration stallTimeout,
		@DefaultValue("4MB") DataSize topicsMaxMemory,
		@DefaultValue("8MB") DataSize sourcesMaxMemory,
		@Nullable String accessToken, @DefaultValue Curve curve, @DefaultValue Store store) {

	private static final CurveKeyNames CURVE_KEY_NAMES = CurveKeyNames.kebabCase("zmq.log.viewer.curve.");

	public ViewerProperties {
		if (historySize < 1) {
			throw new IllegalArgumentException("zmq.log.viewer.history-size must be at least 1, was " + historySize);
		}
		if (sessionQueueSize < 1) {
			throw new IllegalArgumentException(
					"zmq.log.viewer.session-queue-size must be at least 1, was " + sessionQueueSize);
		}
		if (!mode.subscribes() && topics.stream().anyMatch((topic) -> !topic.isEmpty())) {
			throw new IllegalArgumentException("zmq.log.viewer.topics cannot be used with zmq.log.viewer.mode=pull: "
					+ "pushing publishers send every message, unsubscribed");
		}
		curve.settings().validate(mode.attachment(), CURVE_KEY_NAMES);
	}

	/**
	 * The history store.
	 *
	 * @param type Where history is kept: embedded (a Lucene index in store.path), jdbc (the
	 * database of spring.datasource.*, shared by several viewers) or memory (only the recent
	 * window, nothing on disk).
	 * @param path Folder of the embedded store; copy it while the viewer is stopped to back
	 * it up.
	 * @param maxSize Most space the store may take; the oldest entries are removed first.
	 * @param maxAge How long entries are kept.
	 * @param bufferMaxMemory Most heap the entries waiting to be stored may take; entries
	 * beyond it are not stored, and counted.
	 * @param standbyMaxMemory With jdbc, when another viewer writes: most heap the entries
	 * this viewer keeps to fill the gap if that viewer dies may take (the newest are kept).
	 */
	public record Store(@DefaultValue("embedded") StoreType type, @DefaultValue("./zmqlog-data") Path path,
			@DefaultValue("2GB") DataSize maxSize, @DefaultValue("7d") Duration maxAge,
			@DefaultValue("16MB") DataSize bufferMaxMemory, @DefaultValue("32MB") DataSize standbyMaxMemory) {

		public Store {
			if (maxAge.isNegative() || maxAge.isZero()) {
				throw new IllegalArgumentException("zmq.log.viewer.store.max-age must be positive, was " + maxAge);
			}
		}

	}

	/**
	 * ZeroMQ CURVE keys, Z85 strings of 40 characters (print a pair with {@code keygen}).
	 * In connect mode the viewer is a CURVE client and needs the publisher's public key;
	 * in bind mode it is the CURVE server and needs its own key pair.
	 *
	 * @param secretKey Secret key of the viewer; in connect mode, without one, the viewer
	 * uses a fresh key pair per start.
	 * @param publicKey Public key of the viewer.
	 * @param serverKey Public key of the publisher (or proxy) the viewer connects to.
	 * @param allowedClients Public keys of the publishers allowed to connect (bind mode);
	 * empty allows any publisher that knows the viewer's public key.
	 */
	public record Curve(@Nullable String secretKey, @Nullable String publicKey, @Nullable String serverKey,
			@DefaultValue List<String> allowedClients) {

		/** The keys for the socket. */
		public CurveSettings settings() {
			return new CurveSettings(this.secretKey, this.publicKey, this.serverKey, this.allowedClients);
		}

	}

}
