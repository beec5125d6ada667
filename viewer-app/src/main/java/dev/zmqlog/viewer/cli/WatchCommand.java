package dev.zmqlog.viewer.cli;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.protocol.MessageDecoder;
import dev.zmqlog.transport.CurveSettings;
import dev.zmqlog.transport.EndpointException;
import dev.zmqlog.transport.LogSubscriber;
import dev.zmqlog.transport.PeerRefusals;
import dev.zmqlog.transport.ReceivedMessage;
import dev.zmqlog.transport.ReceiveMode;
import dev.zmqlog.transport.ShedMessages;
import dev.zmqlog.viewer.cli.CommandLine.Syntax;
import dev.zmqlog.viewer.cli.CommandLine.UsageException;
import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.zeromq.ZMQException;

/**
 * {@code watch}: pyzmq's log watcher ({@code python -m zmq.log}) with the same flags and,
 * for every message pyzmq can read, the same bytes on the terminal.
 *
 * <pre>
 * java -jar zmqlog-viewer.jar watch [-t TOPIC]... [--timestamp] [--separator S]
 *     [--dateformat PATTERN] [--align] [--color] [--bind] [--pull] [--json]
 *     [--max-message-size BYTES] ENDPOINT...
 * </pre>
 *
 * <h2>Lines</h2>
 * Each message is one line, {@code {ts}{color}{topic}{sep}{message}{reset}}, as pyzmq
 * prints it: topic and message stripped of whitespace as Python's {@code str.strip()}
 * does; {@code ts} is the local time of receipt formatted by {@code --dateformat} (Python
 * {@code strftime} directives) and a space, only with {@code --timestamp}; with
 * {@code --align} each topic segment is padded to the widest seen so far at its position
 * (pyzmq's algorithm); with {@code --color} the line takes its level's colour and ends with
 * colorama's reset, {@code ESC[39m}; when the watcher is stopped (Ctrl-C, SIGTERM) it
 * prints one more reset line and {@code ESC[0m}, as pyzmq and colorama's exit hook do on
 * Ctrl-C. All that on a terminal only: into a pipe or a file {@code --color} writes no
 * escape at all, as colorama strips them there for pyzmq.
 * <ul>
 * <li>The level is the first topic segment that is a level name, wherever it stands:
 * {@code greeter.WARN}, {@code WARN.db} and {@code greeter.WARNING} are all yellow. pyzmq
 * takes the second segment, or the first when there is one, and knows only Python's
 * names. Colours: DEBUG 96, INFO 97, WARN/WARNING 33, ERROR 91, FATAL/CRITICAL 91, as
 * pyzmq; TRACE, which pyzmq has not, 90 (grey).</li>
 * <li>A two-frame message prints its payload as sent, except zmqlog's own {@code json}
 * payload, which prints its {@code formatted} text.</li>
 * <li>A one-frame JSON record (the logging cookbook's {@code ZeroMQSocketHandler}, Python
 * Logbook) prints its message and stack trace, under its {@code topic} or else its level
 * name. Such a record starts with {@code {}, so a {@code -t} filter hides it.</li>
 * <li>A one-frame text message (Log4j2's JeroMQ appender) prints with an empty topic.</li>
 * <li>Three or more frames print the first as topic and the others as lines; invalid
 * UTF-8 prints with U+FFFD in place of the bad bytes. pyzmq stops on both.</li>
 * <li>Control characters in topics and messages are shown inert as {@code \xHH}, but
 * colour sequences ({@code ESC[..m}), tab, newline and carriage return, so a log line
 * cannot move the cursor, clear the screen or retitle the terminal.</li>
 * <li>An empty one-frame message, which has nothing to show, is reported on stderr.</li>
 * <li>A peer refused for what it sent (malformed ZMTP, a message over four times
 * {@code --max-message-size}, a refused CURVE handshake) is reported on stderr with its
 * address and the reason, once per peer and reason a minute, at most ten lines a
 * minute.</li>
 * </ul>
 *
 * <h2>{@code --json}</h2>
 * One JSON object per line: the viewer's own entry shape (PRODUCT.md §5.2, written by
 * {@link EntryJson}, the API's writer), every key always present: {@code id} (numbered
 * from 1 by this watcher), {@code time} (the event's own time when the record carries one,
 * else when received), {@code received}, {@code topic}, {@code level} (TRACE .. FATAL or
 * null), {@code logger}, {@code thread}, {@code message} (a text payload without its
 * trailing line break), {@code exception}, {@code mdc}, {@code markers}, {@code seq},
 * {@code source} ({@code {"app", "host", "pid", "instance"}} or null) and {@code kind}
 * ({@code STRUCTURED}, {@code TEXT}, {@code PLAIN}, {@code RAW}).
 *
 * <h2>More than pyzmq</h2>
 * {@code --bind} binds the endpoints so that applications connect in; {@code --pull} binds
 * a PULL socket for publishers that push (Logbook's {@code ZeroMQHandler(multi=True)},
 * which a SUB socket can never receive); several endpoints
 * and several {@code -t} topics; the default date format is {@code %Y-%m-%d %H:%M:%S}
 * (pyzmq's {@code %Y-%d-%m %H:%M} swaps day and month); {@code --max-message-size} (1 MiB
 * by default) bounds what one message may take.
 *
 * <p>
 * Exit codes: 2 for arguments that do not parse, 1 when an endpoint cannot be bound or
 * connected; otherwise the watcher runs until it is stopped.
 */
public final class WatchCommand {

	static final String PROGRAM = "zmqlog-viewer watch";

	private static final String DEFAULT_SEPARATOR = " | ";

	private WatchCommand() {
	}

	public static int run(String[] args) {
		return run(args, LineOutput.stdout(), LineOutput.stderr());
	}

	/**
	 * Parses the arguments and watches until the JVM is stopped.
	 * @return the exit code when the watcher cannot start (or stops by itself)
	 */
	static int run(String[] args, LineOutput out, LineOutput err) {
		return syntax().run(args, out, err, (line) -> {
			int maxMessageSize = maxMessageSize(line);
			ReceiveMode mode = mode(line);
			CurveSettings curve = CurveFlags.from(line, mode.attachment());
			return () -> watch(line, mode, maxMessageSize, curve, out, err);
		});
	}

	private static ReceiveMode mode(CommandLine line) throws UsageException {
		if (!line.has("pull")) {
			return line.has("bind") ? ReceiveMode.BIND : ReceiveMode.CONNECT;
		}
		if (!line.values("topic").isEmpty()) {
			throw new UsageException("argument -t/--topic: not allowed with --pull (pushing publishers send "
					+ "every message, unsubscribed)");
		}
		return ReceiveMode.PULL;
	}

	private static int watch(CommandLine line, ReceiveMode mode, int maxMessageSize, CurveSettings curve,
			LineOutput out, LineOutput err) {
		boolean json = line.has("json");
		// like pyzmq's watcher, whose colorama strips colours from what is not a terminal
		boolean color = line.has("color") && !json && System.console() != null;
		StrftimeFormat timestamp = line.has("timestamp")
				? new StrftimeFormat(line.value("dateformat", StrftimeFormat.DEFAULT_PATTERN)) : null;
		WatchLineFormat lineFormat = new WatchLineFormat(line.value("separator", DEFAULT_SEPARATOR), timestamp,
				line.has("align"), color);
		EntryJson jsonFormat = new EntryJson();
		AtomicLong numbered = new AtomicLong();
		CountDownLatch stopped = new CountDownLatch(1);
		AtomicInteger exitCode = new AtomicInteger();
		Consumer<ReceivedMessage> printer = (message) -> {
			LogEntry entry = message.decoded().entry();
			if (entry == null) {
				err.println(PROGRAM + ": skipped a message: " + message.decoded().rejection());
				return;
			}
			String printed = json ? jsonFormat.text(ViewerEntry.of(numbered.incrementAndGet(), entry, message.receivedAt()))
					: lineFormat.line(message.frames(), entry, LocalDateTime.now());
			if (!out.println(printed)) {
				// the reader of a pipe is gone (`watch .. | head`): nothing more to do
				stopped.countDown();
			}
		};
		LogSubscriber subscriber;
		try {
			subscriber = LogSubscriber.builder()
				.endpoints(line.positionals())
				.mode(mode)
				.topics(line.values("topic"))
				.curve(curve)
				.maxMessageSize(maxMessageSize)
				.refusals(new PeerRefusals(Clock.systemUTC(), (refused) -> err.println(PROGRAM + ": " + refused)))
				.shedMessages(new ShedMessages(Clock.systemUTC(), (shed) -> err.println(PROGRAM + ": " + shed)))
				.threadName("zmqlog-watch")
				.listener(printer)
				.errorHandler((ex) -> {
					if (ex instanceof ZMQException) {
						err.println(PROGRAM + ": the socket failed: " + ex.getMessage());
						exitCode.set(1);
						stopped.countDown();
					}
					else {
						err.println(PROGRAM + ": cannot print a message: " + ex);
					}
				})
				.start();
		}
		catch (EndpointException ex) {
			err.println(PROGRAM + ": " + ex.getMessage());
			return 1;
		}
		Runnable stop = () -> {
			subscriber.close();
			if (color) {
				// pyzmq prints a reset line on Ctrl-C, then colorama's exit hook resets every attribute
				out.print(WatchLineFormat.RESET + "\n" + WatchLineFormat.RESET_ALL);
			}
		};
		Thread shutdownHook = new Thread(stop, "zmqlog-watch-shutdown");
		Runtime.getRuntime().addShutdownHook(shutdownHook);
		awaitUninterruptibly(stopped);
		try {
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
			stop.run();
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: the hook does it
		}
		return exitCode.get();
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (latch.getCount() > 0) {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static int maxMessageSize(CommandLine line) throws UsageException {
		String value = line.value("max-message-size", Integer.toString(MessageDecoder.DEFAULT_MAX_MESSAGE_SIZE));
		try {
			int size = Integer.parseInt(value.strip());
			if (size > 0) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("argument --max-message-size: expected a number of bytes above 0, got '"
				+ value + "'");
	}

	static Syntax syntax() {
		return CurveFlags.addTo(baseSyntax(), "the watcher, with --bind");
	}

	private static Syntax baseSyntax() {
		return new Syntax(PROGRAM,
				"Prints the log messages of ZeroMQ publishers (zmqlog, pyzmq's PUBHandler, the logging\n"
						+ "cookbook, Logbook, Log4j2) one a line, as pyzmq's `python -m zmq.log` does.")
			.positionals("ENDPOINT",
					"a publisher to connect to, e.g. tcp://127.0.0.1:5556; with --bind, an address\n"
							+ "to bind, e.g. tcp://*:5556; several may be given")
			.value("t", "topic", "TOPIC",
					"only receive messages whose topic starts with TOPIC; repeatable\n(default: every topic)")
			.flag(null, "timestamp", "start each line with the local time")
			.value(null, "separator", "SEPARATOR", "string to print between topic and message (default: ' | ')")
			.value(null, "dateformat", "DATEFORMAT",
					"strftime pattern of --timestamp, as in Python (default: %Y-%m-%d %H:%M:%S)")
			.flag(null, "align", "align messages by padding each topic segment to the widest seen")
			.flag(null, "color", "color lines by level")
			.flag(null, "bind", "bind the endpoints, so that applications connect to the watcher")
			.flag(null, "pull", "bind the endpoints with a PULL socket, for publishers that push\n"
					+ "(Python Logbook's ZeroMQHandler with multi=True); no -t")
			.flag(null, "json", "print each entry as one JSON object per line (id, time, received,\n"
					+ "topic, level, logger, thread, message, exception, mdc, markers, seq, source, kind)")
			.value(null, "max-message-size", "BYTES", "drop larger messages (default: 1048576)")
			.epilog("examples:\n"
					+ "  zmqlog-viewer watch --align --color tcp://127.0.0.1:5556\n"
					+ "  zmqlog-viewer watch -t greeter.WARN -t greeter.ERROR tcp://127.0.0.1:5556\n"
					+ "  zmqlog-viewer watch --bind --json tcp://127.0.0.1:5556 | jq .message");
	}

}
