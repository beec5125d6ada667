package dev.zmqlog.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts Debian's Python, the one with pyzmq installed (the {@code python3} first on the
 * PATH may have no zmq): pyzmq's log watcher or a script of the test resources.
 */
public final class Python {

	public static final String PYTHON = "/usr/bin/python3";

	private Python() {
	}

	/** {@code python -m zmq.log ARGS}: pyzmq's log watcher. */
	public static RunningProcess watcher(String... args) {
		List<String> command = new ArrayList<>(List.of("-m", "zmq.log"));
		command.addAll(List.of(args));
		return start(command, "pyzmq watcher");
	}

	/** Runs a script of the test resources, e.g. {@code interop/json_listener.py}. */
	public static RunningProcess script(String resource, String... args) {
		List<String> command = new ArrayList<>();
		command.add(TestResources.path(resource).toString());
		command.addAll(List.of(args));
		return start(command, Path.of(resource).getFileName().toString());
	}

	private static RunningProcess start(List<String> pythonArgs, String description) {
		List<String> command = new ArrayList<>();
		command.add(PYTHON);
		// unbuffered: every line reaches the test as soon as it is printed
		command.add("-u");
		command.addAll(pythonArgs);
		return RunningProcess.start(command, description);
	}

}
