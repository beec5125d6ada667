package dev.zmqlog.viewer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.testing.TestResources;
import dev.zmqlog.viewer.ZmqLogViewer;

/**
 * {@code ZmqLogViewer ARGS} in a JVM of its own, started as {@code ChildJvm} starts one but
 * with SIGINT at its default disposition, so that a test can stop it as a user does:
 * {@link RunningProcess#interrupt()} (Ctrl-C) or {@link RunningProcess#terminate()}
 * (SIGTERM).
 */
final class ViewerJvm {

	private ViewerJvm() {
	}

	static RunningProcess start(String... args) {
		List<String> command = new ArrayList<>();
		// the wrapper execs the JVM: the process started here is the JVM itself
		command.add(Python.PYTHON);
		command.add(TestResources.path("cli/sigint_default.py").toString());
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ZmqLogViewer.class.getName());
		command.addAll(List.of(args));
		return RunningProcess.start(command, "viewer");
	}

}
