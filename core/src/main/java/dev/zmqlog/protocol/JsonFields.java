package dev.zmqlog.protocol;

/**
 * Keys of a {@code json} payload. Python's {@code LogRecord} attribute names where one
 * exists, so that {@code logging.makeLogRecord(json.loads(payload))} rebuilds a record.
 */
public final class JsonFields {

	public static final String NAME = "name";

	public static final String MSG = "msg";

	public static final String ARGS = "args";

	public static final String LEVELNAME = "levelname";

	public static final String LEVELNO = "levelno";

	public static final String CREATED = "created";

	public static final String MSECS = "msecs";

	public static final String THREAD_NAME = "threadName";

	public static final String PROCESS = "process";

	public static final String EXC_TEXT = "exc_text";

	public static final String PATHNAME = "pathname";

	public static final String FILENAME = "filename";

	public static final String MODULE = "module";

	public static final String FUNC_NAME = "funcName";

	public static final String LINENO = "lineno";

	public static final String TOPIC = "topic";

	public static final String FORMATTED = "formatted";

	public static final String MDC = "mdc";

	public static final String MARKERS = "markers";

	public static final String SEQ = "seq";

	public static final String SOURCE = "source";

	public static final String SOURCE_APP = "app";

	public static final String SOURCE_HOST = "host";

	public static final String SOURCE_PID = "pid";

	public static final String SOURCE_INSTANCE = "instance";

	private JsonFields() {
	}

}
