package dev.zmqlog.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a main class of the test classpath in its own JVM, configured by a logback.xml
 * of the test resources: {@code ChildJvm.main(GreeterMain.class).logbackConfig(..).start()}.
 */
public final class ChildJvm {

	private final Class<?> mainClass;

	private final Map<String, String> systemProperties = new LinkedHashMap<>();

	private final List<String> args = new ArrayList<>();

	private final List<String> jvmOptions = new ArrayList<>();

	private ChildJvm(Class<?> mainClass) {
		this.mainClass = mainClass;
	}

	public static ChildJvm main(Class<?> mainClass) {
		return new ChildJvm(mainClass);
	}

	/** Configures Logback with a file of the test resources, e.g. {@code interop/greeter-logback.xml}. */
	public ChildJvm logbackConfig(String resource) {
		return systemProperty("logback.configurationFile", TestResources.path(resource).toString());
	}

	/** A system property; Logback substitutes them in its configuration ({@code ${port}}). */
	public ChildJvm systemProperty(String name, Object value) {
		this.systemProperties.put(name, String.valueOf(value));
		return this;
	}

	/** An option of the JVM itself, e.g. {@code -Xmx256m}. */
	public ChildJvm jvmOption(String option) {
		this.jvmOptions.add(option);
		return this;
	}

	public ChildJvm args(Object... args) {
		for (Object arg : args) {
			this.args.add(String.valueOf(arg));
		}
		return this;
	}

	public RunningProcess start() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// a short-lived JVM starts faster without the optimising compiler
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(this.jvmOptions);
		// surefire's booter jar carries the test classpath in its manifest
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		this.systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
		command.add(this.mainClass.getName());
		command.addAll(this.args);
		return RunningProcess.start(command, this.mainClass.getSimpleName());
	}

}
