package dev.zmqlog.logback;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.zmqlog.protocol.PayloadFormat;
import dev.zmqlog.protocol.Source;
import dev.zmqlog.protocol.SubtopicPrefix;
import dev.zmqlog.transport.CurveSettings;
import dev.zmqlog.transport.EndpointException;
import dev.zmqlog.transport.PublisherSocket;
import dev.zmqlog.transport.SocketMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Publishes log events on a ZeroMQ socket as two-frame messages {@code [topic, payload]},
 * readable by pyzmq's {@code python -m zmq.log} and by the zmqlog viewer.
 * <p>
 * The calling thread only puts the event in a bounded lock-free queue; one I/O thread owns
 * the socket, formats, numbers and sends. A full queue drops and counts the event
 * ({@code overflow=drop}) or makes the caller wait a bounded time ({@code overflow=block}).
 * The queue holds {@code queueSize} rounded up to a power of two. Configuration errors (a port in
 * use, an invalid endpoint) are reported through Logback's status system and leave the
 * appender stopped; nothing is ever thrown at the caller.
 */
public class ZmqLogAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:5556";

	public static final String DEFAULT_FORMAT = "%logger > %msg";

	public static final int DEFAULT_QUEUE_SIZE = 65_536;

	public static final int DEFAULT_SEND_HIGH_WATER_MARK = 100_000;

	public static final Duration DEFAULT_AWAIT_SUBSCRIBER = Duration.ofSeconds(2);

	public static final Duration DEFAULT_LINGER = Duration.ofSeconds(2);

	public static final Duration DEFAULT_AWAIT_RESUBSCRIBE = Duration.ofSeconds(30);

	public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofSeconds(1);

	/**
	 * Marks events that were received over ZeroMQ and re-logged (the viewer's relay): they
	 * are not published again, so that a relay never feeds itself.
	 */
	public static final Marker RELAYED = MarkerFactory.getDetachedMarker("ZMQLOG_RELAYED");

	/** How long a stopped appender watches for the reset to clear the root logger's appenders. */
	private static final Duration REATTACH_WATCH = Duration.ofMillis(500);

	/** How long the publisher of an appender that a reconfiguration stopped waits to be taken over. */
	static final Duration HANDOVER_GRACE = Duration.ofSeconds(5);

	/** Failures past this many are only counted, so that the status manager is not flooded. */
	private static final int MAX_REPORTED_FAILURES = 10;

	private final List<String> endpoints = new ArrayList<>();

	private SocketMode mode = SocketMode.BIND;

	private String rootTopic = "";

	private String format = DEFAULT_FORMAT;

	private final Map<Level, @Nullable String> levelFormats = new HashMap<>();

	private PayloadFormat payload = PayloadFormat.TEXT;

	private Level threshold = Level.TRACE;

	private String subtopicDelimiter = SubtopicPrefix.DEFAULT_DELIMITER;

	private @Nullable String subtopicMdcKey;

	private int queueSize = DEFAULT_QUEUE_SIZE;

	private Overflow overflow = Overflow.DROP;

	private Duration blockTimeout = DEFAULT_BLOCK_TIMEOUT;

	private int sendHighWaterMark = DEFAULT_SEND_HIGH_WATER_MARK;

	private Duration awaitSubscriber = DEFAULT_AWAIT_SUBSCRIBER;

	private Duration awaitResubscribe = DEFAULT_AWAIT_RESUBSCRIBE;

	private Duration linger = DEFAULT_LINGER;

	private boolean includeCallerData;

	private @Nullable String appName;

	private @Nullable String curveSecretKey;

	private @Nullable String curvePublicKey;

	private @Nullable String curveServerKey;

	private final List<String> curveAllowedClients = new ArrayList<>();

	/** Settings whose value was refused, with the reason. */
	private final Map<AppenderSetting, String> invalidSettings = new EnumMap<>(AppenderSetting.class);

	/** How errors name the settings: as logback.xml elements unless a front end says otherwise. */
	private SettingNames settingNames = SettingNames.LOGBACK_XML;

	/** Shared with the appender that takes the publisher over after a reconfiguration. */
	private LongAdder dropped = new LongAdder();

	private final AtomicLong reportedFailures = new AtomicLong();

	private @Nullable EventQueue queue;

	private @Nullable LevelLayouts layouts;

	private @Nullable PublishingWorker worker;

	private @Nullable Thread workerThread;

	private @Nullable Thread shutdownHook;

	private boolean captureCallerData;

	private boolean stopAtJvmExit = true;

	/** What the last publisher published, once closed: the count stays readable after stop. */
	private volatile long publishedBeforeClose;

	/** What the running publisher was opened with; {@code null} while none runs. */
	private @Nullable PublicationSettings publication;

	/** The id of the running publisher in JSON records' {@code source}: kept across a handover. */
	private String instanceId = "";

	/** A reconfiguration stopped this appender; it publishes what still reaches it until its successor starts. */
	private volatile boolean retired;

	/** Whether the root logger held this appender when a reconfiguration stopped it. */
	private volatile boolean onRootLogger;

	/** Orders putting this appender back on the root logger before a successor takes over. */
	private final Object reattachLock = new Object();

	/** The appender that took the publisher over after a reconfiguration. */
	private volatile @Nullable ZmqLogAppender successor;

	/** Until when a predecessor may hand events over that this appender receives too; 0 when none. */
	private volatile long takenOverUntilNanos;

	/** The event this thread last handed from a stopped appender to its successor. */
	private static final ThreadLocal<@Nullable ILoggingEvent> forwardedByPredecessor = new ThreadLocal<>();

	private volatile @Nullable String startFailure;

	@Override
	public void start() {
		if (isStarted()) {
			return;
		}
		this.startFailure = null;
		if (!this.invalidSettings.isEmpty()) {
			failStart(this.invalidSettings.entrySet().stream()
				.map((invalid) -> this.settingNames.nameOf(invalid.getKey()) + " " + invalid.getValue())
				.collect(Collectors.joining("; ")));
			return;
		}
		LevelLayouts startedLayouts = new LevelLayouts(getContext(), this.format, this.levelFormats);
		Level unformattable = startedLayouts.firstInvalidLevel();
		if (unformattable != null) {
			failStart(this.settingNames.nameOf(formatSettingOf(unformattable))
					+ " is not a valid Logback pattern (Logback's status says why)");
			startedLayouts.stop();
			return;
		}
		try {
			curveSettings().validate(this.mode, AppenderSetting.curveKeyNames(this.settingNames));
		}
		catch (IllegalArgumentException ex) {
			failStart(ex.getMessage());
			startedLayouts.stop();
			return;
		}
		List<String> configuredEndpoints = this.endpoints.isEmpty() ? List.of(DEFAULT_ENDPOINT) : List.copyOf(this.endpoints);
		PublicationSettings settings = new PublicationSettings(configuredEndpoints, this.mode,
				this.sendHighWaterMark, curveSettings(), this.queueSize, this.overflow, this.blockTimeout,
				this.awaitSubscriber, this.awaitResubscribe, this.linger);
		// includeCallerData fills the json record's fields: a text payload has none
		this.captureCallerData = (this.includeCallerData && this.payload == PayloadFormat.JSON)
				|| startedLayouts.needsCallerData();
		ZmqLogAppender predecessor = (getContext() instanceof LoggerContext loggerContext)
				? ReconfigurationHandover.of(loggerContext).takeFor(getName(), settings) : null;
		if (predecessor != null && takeOver(predecessor, settings, startedLayouts)) {
			started(configuredEndpoints, "took over the running publisher");
			return;
		}
		PublisherSocket socket;
		try {
			socket = PublisherSocket.open(this.mode, configuredEndpoints, this.sendHighWaterMark, curveSettings());
		}
		catch (EndpointException | IllegalArgumentException ex) {
			failStart(ex.getMessage());
			startedLayouts.stop();
			return;
		}
		if (this.overflow == Overflow.BLOCK) {
			// a full subscriber pushes back into the queue, and so onto the callers
			socket.refuseWhenFull();
		}
		this.layouts = startedLayouts;
		this.publication = settings;
		this.instanceId = UUID.randomUUID().toString().substring(0, 8);
		this.queue = new EventQueue(this.queueSize);
		this.worker = new PublishingWorker(this.queue, socket, encoder(startedLayouts), this.dropped,
				this.awaitSubscriber, this.awaitResubscribe,
				(this.overflow == Overflow.BLOCK) ? this.blockTimeout : Duration.ZERO, this);
		this.workerThread = new Thread(this.worker, "zmqlog-publisher-" + getName());
		this.workerThread.setDaemon(true);
		this.workerThread.start();
		started(configuredEndpoints, (curveSettings().enabled() ? "with CURVE encryption" : ""));
	}

	/** The setting that gave {@code level} its pattern: its own format, or the one for every level. */
	private AppenderSetting formatSettingOf(Level level) {
		String own = this.levelFormats.get(level);
		return (own != null && !own.isEmpty()) ? AppenderSetting.formatOf(level) : AppenderSetting.FORMAT;
	}

	private void started(List<String> configuredEndpoints, String note) {
		if (this.stopAtJvmExit) {
			registerShutdownHook();
		}
		super.start();
		addInfo("Publishing on " + configuredEndpoints + " (" + this.mode.name().toLowerCase(Locale.ROOT) + ")"
				+ (note.isEmpty() ? "" : ", " + note));
	}

	private EventEncoder encoder(LevelLayouts startedLayouts) {
		return new EventEncoder(this.rootTopic, new SubtopicResolver(this.subtopicDelimiter, this.subtopicMdcKey),
				startedLayouts, this.payload, source());
	}

	/**
	 * Takes over the publisher of the appender that a reconfiguration stopped: its socket,
	 * subscribers, queue, counters and sequence go on; only the encoding is this appender's.
	 * @return whether it did; {@code false} when that publisher had closed meanwhile
	 */
	private boolean takeOver(ZmqLogAppender predecessor, PublicationSettings settings, LevelLayouts startedLayouts) {
		PublishingWorker running = predecessor.worker;
		if (running == null) {
			return false;
		}
		this.instanceId = predecessor.instanceId;
		if (!running.handOver(encoder(startedLayouts), predecessor::stopLayouts)) {
			predecessor.closeRetired();
			return false;
		}
		this.layouts = startedLayouts;
		this.publication = settings;
		this.dropped = predecessor.dropped;
		this.queue = predecessor.queue;
		this.worker = running;
		this.workerThread = predecessor.workerThread;
		this.takenOverUntilNanos = System.nanoTime() + HANDOVER_GRACE.toNanos();
		// from now on the predecessor hands what reaches it to this appender, started or not yet
		predecessor.handedOverTo(this);
		return true;
	}

	/** This appender's publisher now belongs to {@code next}; what still reaches this appender goes there. */
	private void handedOverTo(ZmqLogAppender next) {
		synchronized (this.reattachLock) {
			this.successor = next;
		}
		this.worker = null;
		this.workerThread = null;
		this.publication = null;
		removeShutdownHook();
	}

	private void stopLayouts() {
		LevelLayouts stoppedLayouts = this.layouts;
		if (stoppedLayouts != null) {
			stoppedLayouts.stop();
		}
	}

	private void failStart(String reason) {
		this.startFailure = reason;
		// the reason names the endpoint and the cause; a stack trace would only bury it
		addError("Appender [" + getName() + "] not started, log events will not be published: " + reason);
	}

	/** Why the last {@link #start()} failed, or {@code null} when it did not. */
	public @Nullable String getStartFailure() {
		return this.startFailure;
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (!event.getLevel().isGreaterOrEqual(this.threshold) || isRelayed(event)) {
			return;
		}
		try {
			CallingThreadSnapshot.take(event, this.captureCallerData);
			if (!enqueue(event)) {
				// the I/O thread turns the count into a gap in the sequence numbers
				this.dropped.increment();
			}
		}
		catch (RuntimeException ex) {
			this.dropped.increment();
			if (this.reportedFailures.getAndIncrement() < MAX_REPORTED_FAILURES) {
				addError("Cannot queue an event of logger " + event.getLoggerName(), ex);
			}
		}
	}

	private static boolean isRelayed(ILoggingEvent event) {
		List<Marker> markers = event.getMarkerList();
		return markers != null && markers.contains(RELAYED);
	}

	private boolean enqueue(ILoggingEvent event) {
		EventQueue events = this.queue;
		if (events == null) {
			return false;
		}
		if (this.overflow == Overflow.BLOCK) {
			return events.offer(event, this.blockTimeout.toNanos());
		}
		return events.offer(event);
	}

	/**
	 * Routes what reaches an appender that a reconfiguration stopped to its publisher, or
	 * once a successor took that over, to the successor. Logback hands an event to a
	 * logger's appenders one after the other on the calling thread, from the list as it was
	 * when the event came, so while both are on the root logger the successor is called
	 * right after with the same event, and skips it.
	 */
	@Override
	public void doAppend(ILoggingEvent event) {
		if (!this.retired) {
			if (this.takenOverUntilNanos == 0 || !forwardedHere(event)) {
				super.doAppend(event);
			}
			return;
		}
		ZmqLogAppender next = this.successor;
		if (next == null) {
			append(event);
			return;
		}
		next.append(event);
		forwardedByPredecessor.set(event);
		if (next.isStarted() && rootLogger().isAttached(next)) {
			// threads that read the root's appenders before this still come here, and are forwarded
			rootLogger().detachAppender(this);
		}
	}

	/** Whether the predecessor has just handed this event over, on this thread. */
	private boolean forwardedHere(ILoggingEvent event) {
		if (System.nanoTime() - this.takenOverUntilNanos > 0) {
			this.takenOverUntilNanos = 0;
			return false;
		}
		if (forwardedByPredecessor.get() != event) {
			return false;
		}
		forwardedByPredecessor.remove();
		return true;
	}

	@Override
	public void stop() {
		if (this.retired) {
			closeRetired();
			return;
		}
		if (!isStarted()) {
			return;
		}
		if (getContext() instanceof LoggerContext loggerContext && this.worker != null
				&& ResetInProgress.isStopping()) {
			// retired before stopped: no event in between finds this appender refusing
			retire(loggerContext);
			super.stop();
			return;
		}
		super.stop();
		closePublisher();
	}

	/** A reconfiguration stops this appender: its publisher goes on, for the appender it starts. */
	private void retire(LoggerContext loggerContext) {
		PublishingWorker runningWorker = this.worker;
		this.onRootLogger = rootLogger().isAttached(this);
		this.retired = true;
		runningWorker.awaitHandover(HANDOVER_GRACE, this.linger);
		ReconfigurationHandover.of(loggerContext).stoppedByReset(this);
		if (this.onRootLogger) {
			backOnRootOnceCleared();
		}
	}

	/**
	 * Puts this appender back on the root logger as soon as the reset under way has cleared
	 * the root's appenders, which it does right after stopping them: until then the root
	 * logger has no appender, and what is logged reaches none (the reset tells its
	 * listeners only later). A short-lived thread watches for that moment, spinning, for at
	 * most {@link #REATTACH_WATCH}.
	 */
	private void backOnRootOnceCleared() {
		Logger root = rootLogger();
		Thread watcher = new Thread(() -> {
			long deadline = System.nanoTime() + REATTACH_WATCH.toNanos();
			while (this.retired && System.nanoTime() - deadline < 0) {
				synchronized (this.reattachLock) {
					// once a successor took over, it may be on the root already: this appender must not follow it
					if (this.successor != null) {
						return;
					}
					if (!root.isAttached(this)) {
						root.addAppender(this);
						return;
					}
				}
				Thread.onSpinWait();
			}
		}, "zmqlog-reattach-" + getName());
		watcher.setDaemon(true);
		watcher.start();
	}

	/** Whether the root logger held this appender when a reconfiguration stopped it. */
	boolean wasOnRootLogger() {
		return this.onRootLogger;
	}

	/** Whether this appender's publisher runs with these settings, so that a successor may take it over. */
	boolean publishes(PublicationSettings settings) {
		return this.worker != null && settings.equals(this.publication);
	}

	/** Closes the publisher of an appender that a reconfiguration stopped and nobody took over. */
	void closeRetired() {
		this.retired = false;
		if (rootLogger().isAttached(this)) {
			rootLogger().detachAppender(this);
		}
		closePublisher();
	}

	private void closePublisher() {
		PublishingWorker runningWorker = this.worker;
		Thread thread = this.workerThread;
		if (runningWorker != null && thread != null) {
			runningWorker.requestStop(this.linger);
			joinQuietly(thread, this.linger.plusSeconds(1));
			this.publishedBeforeClose = runningWorker.publishedCount();
		}
		this.worker = null;
		this.workerThread = null;
		this.publication = null;
		removeShutdownHook();
		stopLayouts();
	}

	private Logger rootLogger() {
		return ((LoggerContext) getContext()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	private static void joinQuietly(Thread thread, Duration timeout) {
		try {
			thread.join(Math.max(1, timeout.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void registerShutdownHook() {
		Thread hook = new Thread(this::stop, "zmqlog-shutdown-" + getName());
		try {
			Runtime.getRuntime().addShutdownHook(hook);
			this.shutdownHook = hook;
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: whoever stops Logback stops us
		}
	}

	private void removeShutdownHook() {
		Thread hook = this.shutdownHook;
		this.shutdownHook = null;
		if (hook == null || hook == Thread.currentThread()) {
			return;
		}
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down and the hook runs or ran
		}
	}

	private Source source() {
		String app = (this.appName != null && !this.appName.isEmpty()) ? this.appName
				: !this.rootTopic.isEmpty() ? this.rootTopic : getContext().getName();
		return new Source(app, getContext().getProperty(CoreConstants.HOSTNAME_KEY),
				ProcessHandle.current().pid(), this.instanceId);
	}

	/** Events published since start. */
	public long getPublishedCount() {
		PublishingWorker runningWorker = this.worker;
		return (runningWorker != null) ? runningWorker.publishedCount() : this.publishedBeforeClose;
	}

	/** Events dropped: a full queue, an encoding failure, or the linger time ran out. */
	public long getDroppedCount() {
		return this.dropped.sum();
	}

	/** Events waiting for the I/O thread. */
	public int getQueuedCount() {
		EventQueue events = this.queue;
		return (events != null) ? events.size() : 0;
	}

	/** How many events the queue holds: {@code queueSize} rounded up to a power of two, 0 before start. */
	public int getQueueCapacity() {
		EventQueue events = this.queue;
		return (events != null) ? events.capacity() : 0;
	}

	// Configuration: one setter per logback.xml element, named as the Spring properties.

	/**
	 * Applies a setting, or keeps why its value is invalid, for {@link #start()} to report:
	 * Logback reports a setter that throws and goes on with the default, which would
	 * publish in a way nobody asked for.
	 */
	private void setting(AppenderSetting setting, Runnable apply) {
		try {
			apply.run();
			this.invalidSettings.remove(setting);
		}
		catch (IllegalArgumentException ex) {
			this.invalidSettings.put(setting, ex.getMessage());
		}
	}

	/** Adds an endpoint ({@code <endpoint>} may be repeated). */
	public void addEndpoint(String endpoint) {
		for (String each : endpoint.split(",")) {
			if (!each.isBlank()) {
				this.endpoints.add(each.strip());
			}
		}
	}

	/** Sets the endpoints from a comma-separated list. */
	public void setEndpoints(String endpoints) {
		this.endpoints.clear();
		addEndpoint(endpoints);
	}

	public List<String> getEndpoints() {
		return List.copyOf(this.endpoints);
	}

	public void setMode(String mode) {
		setting(AppenderSetting.MODE, () -> mode(SocketMode.of(mode)));
	}

	public void setRootTopic(@Nullable String rootTopic) {
		this.rootTopic = (rootTopic != null) ? rootTopic.strip() : "";
	}

	public String getRootTopic() {
		return this.rootTopic;
	}

	public void setFormat(String format) {
		this.format = format;
	}

	public void setTraceFormat(String format) {
		this.levelFormats.put(Level.TRACE, format);
	}

	public void setDebugFormat(String format) {
		this.levelFormats.put(Level.DEBUG, format);
	}

	public void setInfoFormat(String format) {
		this.levelFormats.put(Level.INFO, format);
	}

	public void setWarnFormat(String format) {
		this.levelFormats.put(Level.WARN, format);
	}

	public void setErrorFormat(String format) {
		this.levelFormats.put(Level.ERROR, format);
	}

	public void setPayload(String payload) {
		setting(AppenderSetting.PAYLOAD, () -> payload(PayloadFormat.of(payload)));
	}

	/**
	 * @param threshold TRACE, DEBUG, INFO, WARN, ERROR, FATAL (Logback has none: its ERROR
	 * is the highest level) or OFF, in any case
	 */
	public void setThreshold(String threshold) {
		String name = threshold.strip().toUpperCase(Locale.ROOT);
		Level level = name.equals("FATAL") ? Level.ERROR : Level.toLevel(name, null);
		setting(AppenderSetting.THRESHOLD, () -> {
			if (level == null || level == Level.ALL) {
				throw new IllegalArgumentException(
						"must be TRACE, DEBUG, INFO, WARN, ERROR, FATAL or OFF, was '" + threshold + "'");
			}
			threshold(level);
		});
	}

	public void setSubtopicDelimiter(String subtopicDelimiter) {
		this.subtopicDelimiter = subtopicDelimiter;
	}

	public void setSubtopicMdcKey(@Nullable String subtopicMdcKey) {
		this.subtopicMdcKey = subtopicMdcKey;
	}

	/** How many events wait for the I/O thread at most; rounded up to a power of two. */
	public void setQueueSize(int queueSize) {
		setting(AppenderSetting.QUEUE_SIZE, () -> {
			if (queueSize < 1) {
				throw new IllegalArgumentException("must be at least 1, was " + queueSize);
			}
			this.queueSize = queueSize;
		});
	}

	public void setOverflow(String overflow) {
		setting(AppenderSetting.OVERFLOW, () -> overflow(Overflow.of(overflow)));
	}

	/** How long {@code overflow=block} waits for room (e.g. {@code 1s}). */
	public void setBlockTimeout(String blockTimeout) {
		setting(AppenderSetting.BLOCK_TIMEOUT, () -> blockTimeout(DurationText.parse(blockTimeout)));
	}

	public void setSendHighWaterMark(int sendHighWaterMark) {
		this.sendHighWaterMark = sendHighWaterMark;
	}

	/** How long early events wait for the first subscriber (e.g. {@code 2s}, {@code 0}). */
	public void setAwaitSubscriber(String awaitSubscriber) {
		setting(AppenderSetting.AWAIT_SUBSCRIBER, () -> awaitSubscriber(DurationText.parse(awaitSubscriber)));
	}

	/**
	 * How long events wait for a subscriber to come back after the last one left (e.g.
	 * {@code 30s}, {@code 0} to send to nobody at once): a viewer that restarts misses
	 * nothing that fits in the queue.
	 */
	public void setAwaitResubscribe(String awaitResubscribe) {
		setting(AppenderSetting.AWAIT_RESUBSCRIBE, () -> awaitResubscribe(DurationText.parse(awaitResubscribe)));
	}

	/** How long stopping may take to send what is queued (e.g. {@code 2s}). */
	public void setLinger(String linger) {
		setting(AppenderSetting.LINGER, () -> linger(DurationText.parse(linger)));
	}

	/** Whether JSON records carry the caller's file, line and method even when no format needs them. */
	public void setIncludeCallerData(boolean includeCallerData) {
		this.includeCallerData = includeCallerData;
	}

	/**
	 * Whether the appender flushes and closes by itself when the JVM exits (default). A
	 * framework that stops it later in its own shutdown turns this off, so that what is
	 * logged during that shutdown is published too.
	 */
	public void setStopAtJvmExit(boolean stopAtJvmExit) {
		this.stopAtJvmExit = stopAtJvmExit;
	}

	/** The application name in JSON records' {@code source} (default: the root topic). */
	public void setAppName(@Nullable String appName) {
		this.appName = appName;
	}

	/** The CURVE keys configured, or none. */
	public CurveSettings curveSettings() {
		return new CurveSettings(this.curveSecretKey, this.curvePublicKey, this.curveServerKey,
				List.copyOf(this.curveAllowedClients));
	}

	/** This publisher's CURVE secret key (Z85); with the public key, makes a binding socket a CURVE server. */
	public void setCurveSecretKey(@Nullable String curveSecretKey) {
		this.curveSecretKey = curveSecretKey;
	}

	/** This publisher's CURVE public key (Z85). */
	public void setCurvePublicKey(@Nullable String curvePublicKey) {
		this.curvePublicKey = curvePublicKey;
	}

	/** The public key (Z85) of the CURVE server this publisher connects to. */
	public void setCurveServerKey(@Nullable String curveServerKey) {
		this.curveServerKey = curveServerKey;
	}

	/** Adds allowed client public keys ({@code <curveAllowedClient>} may be repeated, or comma-separated). */
	public void addCurveAllowedClient(String keys) {
		for (String each : keys.split(",")) {
			if (!each.isBlank()) {
				this.curveAllowedClients.add(each.strip());
			}
		}
	}

	/** Sets the allowed client public keys from a comma-separated list; empty allows any client. */
	public void setCurveAllowedClients(String keys) {
		this.curveAllowedClients.clear();
		addCurveAllowedClient(keys);
	}

	// Typed configuration, for code such as the Spring starter: the settings above without
	// text to parse. Not named set..: Logback would take a second setter of an element for
	// an ambiguity.

	/**
	 * How errors name the settings; logback.xml's elements by default. A front end with
	 * names of its own (the Spring starter's {@code zmq.log.*}) sets its own.
	 */
	public ZmqLogAppender settingNames(SettingNames names) {
		this.settingNames = names;
		return this;
	}

	/** Bind or connect. */
	public ZmqLogAppender mode(SocketMode socketMode) {
		this.mode = socketMode;
		return this;
	}

	/** Text or JSON payloads. */
	public ZmqLogAppender payload(PayloadFormat payloadFormat) {
		this.payload = payloadFormat;
		return this;
	}

	/** The lowest level published; {@code ALL} is refused by {@link #start()}. */
	public ZmqLogAppender threshold(Level level) {
		if (level == Level.ALL) {
			this.invalidSettings.put(AppenderSetting.THRESHOLD, "must be TRACE, DEBUG, INFO, WARN, ERROR, FATAL or OFF, was ALL");
			return this;
		}
		this.invalidSettings.remove(AppenderSetting.THRESHOLD);
		this.threshold = level;
		return this;
	}

	/** Drop or block when the queue is full. */
	public ZmqLogAppender overflow(Overflow whenFull) {
		this.overflow = whenFull;
		return this;
	}

	/** How long {@code overflow=block} waits for room. */
	public ZmqLogAppender blockTimeout(Duration timeout) {
		this.blockTimeout = timeout;
		return this;
	}

	/** How long early events wait for subscribers. */
	public ZmqLogAppender awaitSubscriber(Duration timeout) {
		this.awaitSubscriber = timeout;
		return this;
	}

	/** How long events wait for a subscriber to come back after the last one left. */
	public ZmqLogAppender awaitResubscribe(Duration timeout) {
		this.awaitResubscribe = timeout;
		return this;
	}

	/** How long stopping may take to send what is queued. */
	public ZmqLogAppender linger(Duration timeout) {
		this.linger = timeout;
		return this;
	}

}
