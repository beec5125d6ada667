package dev.zmqlog.viewer.cli;

/**
 * {@code watch}: pyzmq's log watcher ({@code python -m zmq.log}), with the same flags and
 * the same output. To be written.
 */
public final class WatchCommand {

	private WatchCommand() {
	}

	public static int run(String[] args) {
		System.err.println("watch: not yet available");
		return 2;
	}

}
