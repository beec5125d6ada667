package dev.zmqlog.viewer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.Python;
import dev.zmqlog.viewer.ZmqLogViewer;

/**
 * Command lines of the watchers under test, for a {@link TerminalProcess}: ours, started
 * as {@link ChildJvm} starts a JVM (the built classes, not the jar), and pyzmq's.
 */
final class Commands {

	private Commands() {
	}

	/** {@code ZmqLogViewer watch ARGS} in a JVM of its own. */
	static List<String> watch(String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ZmqLogViewer.class.getName());
		command.add("watch");
		command.addAll(List.of(args));
		return command;
	}

	/** {@code python -m zmq.log ARGS}. */
	static List<String> pyzmqWatch(String... args) {
		List<String> command = new ArrayList<>(List.of(Python.PYTHON, "-m", "zmq.log"));
		command.addAll(List.of(args));
		return command;
	}

}
