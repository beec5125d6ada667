package dev.zmqlog.viewer.cli;

import java.util.OptionalInt;

/**
 * The viewer's own command line, before any server starts: {@code -h}/{@code --help}
 * prints the commands and the most used properties (exit code 0); an argument that is
 * neither a command nor a {@code --property=value} is refused with the usage (exit code
 * 2), rather than ignored by a viewer that then starts.
 */
public final class ViewerHelp {

	static final String PROGRAM = "zmqlog-viewer";

	static final String USAGE = "usage: java -jar zmqlog-viewer.jar [-h] [--demo] [--PROPERTY=VALUE ...]\n"
			+ "       java -jar zmqlog-viewer.jar {watch,proxy,keygen} [-h] ...\n";

	static final String HELP = USAGE + """

			Without a command: the viewer. It serves the web UI and the HTTP API at
			http://127.0.0.1:8090/ and subscribes to tcp://127.0.0.1:5556.

			commands:
			  watch                 print publishers' logs on the terminal, as python -m zmq.log does
			  proxy                 forward logs from many publishers to many viewers (XSUB/XPUB)
			  keygen                print a new CURVE key pair
			  COMMAND --help        the command's own options

			options:
			  -h, --help            show this help message and exit
			  --demo                also run three simulated services that publish to the viewer

			most used properties (--NAME=VALUE, application.yml, or environment variables
			such as ZMQ_LOG_VIEWER_ENDPOINTS):
			  --zmq.log.viewer.endpoints=tcp://HOST:PORT,...
			                        endpoints to subscribe to (default tcp://127.0.0.1:5556)
			  --zmq.log.viewer.mode=connect|bind|pull
			                        connect to the publishers (default), or bind so they connect in;
			                        pull: bind a PULL socket for publishers that push (Logbook multi=True)
			  --zmq.log.viewer.topics=PREFIX,...
			                        topic prefixes to subscribe to (default: all)
			  --zmq.log.viewer.max-message-size=SIZE
			                        larger messages are rejected (default 1MB)
			  --zmq.log.viewer.store.type=embedded|jdbc|memory
			                        where history is kept (default embedded, in ./zmqlog-data)
			  --zmq.log.viewer.store.path=FOLDER
			                        folder of the embedded store (default ./zmqlog-data)
			  --zmq.log.viewer.store.max-size=SIZE, --zmq.log.viewer.store.max-age=DURATION
			                        retention: the oldest entries go first (default 2GB, 7d)
			  --zmq.log.viewer.access-token=TOKEN
			                        guards the UI, the API and the stream (or ZMQLOG_ACCESS_TOKEN);
			                        required to listen on an address other than loopback
			  --zmq.log.viewer.curve.server-key=KEY
			                        the publisher's CURVE public key: encrypt the connection
			  --zmq.log.viewer.curve.secret-key=KEY, --zmq.log.viewer.curve.public-key=KEY
			                        the viewer's CURVE key pair (required in bind mode with CURVE)
			  --zmq.log.viewer.relay=true
			                        re-log every entry through the viewer's own Logback
			  --server.port=PORT    web port (default 8090)
			  --server.address=ADDRESS
			                        web address (default 127.0.0.1)
			  --server.forward-headers-strategy=native
			                        trust X-Forwarded-* from a reverse proxy (HTTPS, client address)

			Every property, with its default: README.md, "Viewer".
			""";

	private ViewerHelp() {
	}

	/**
	 * What the viewer's arguments ask for before it starts.
	 * @return the exit code when they ask for help or are wrong; empty when the viewer
	 * should start
	 */
	public static OptionalInt answer(String[] args) {
		return answer(args, LineOutput.stdout(), LineOutput.stderr());
	}

	static OptionalInt answer(String[] args, LineOutput out, LineOutput err) {
		for (String arg : args) {
			if (arg.equals("-h") || arg.equals("--help")) {
				out.print(HELP);
				return OptionalInt.of(0);
			}
		}
		for (String arg : args) {
			// Spring Boot takes --name=value (and --name); anything else would be silently ignored
			if (!arg.startsWith("--") || arg.equals("--")) {
				String what = (args[0].equals(arg) && !arg.startsWith("-")) ? "unknown command" : "unrecognized argument";
				err.print(USAGE + PROGRAM + ": error: " + what + ": '" + arg + "' (see --help)\n");
				return OptionalInt.of(2);
			}
		}
		return OptionalInt.empty();
	}

}
