package dev.zmqlog.viewer.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.viewer.ViewerApi;
import dev.zmqlog.viewer.ZmqLogViewer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --help} and an unknown command are answered in the terminal; no server starts.
 */
class ViewerHelpTest {

	private static final Duration EXIT_WITHIN = Duration.ofSeconds(30);

	@Test
	void helpPrintsTheCommandsAndTheMostUsedPropertiesAndExits() {
		try (RunningProcess viewer = ChildJvm.main(ZmqLogViewer.class).args("--help").start()) {
			assertThat(viewer.awaitExit(EXIT_WITHIN)).as(viewer.output()).isZero();
			String help = String.join("\n", viewer.stdoutLines());
			assertThat(help).startsWith("usage: java -jar zmqlog-viewer.jar")
				.contains("watch", "proxy", "keygen", "--demo", "--zmq.log.viewer.endpoints=",
						"--zmq.log.viewer.access-token=", "--server.port=", "--server.forward-headers-strategy=");
			assertThat(viewer.output()).as("no server started").doesNotContain("Tomcat", "Started", "Subscribed");
		}
	}

	@Test
	void unknownCommandPrintsTheUsageAndFails() {
		try (RunningProcess viewer = ChildJvm.main(ZmqLogViewer.class).args("frobnicate").start()) {
			assertThat(viewer.awaitExit(EXIT_WITHIN)).as(viewer.output()).isEqualTo(2);
			assertThat(String.join("\n", viewer.stderrLines())).startsWith("usage: java -jar zmqlog-viewer.jar")
				.contains("unknown command: 'frobnicate'");
			assertThat(viewer.output()).as("no server started").doesNotContain("Tomcat", "Started", "Subscribed");
		}
	}

	@Test
	void helpAnywhereWinsAndOnlyPropertiesStartTheViewer() {
		assertThat(answer("--demo", "-h")).hasValue(0);
		assertThat(answer("--server.port=0", "--help")).hasValue(0);
		assertThat(answer("--demo", "stray")).hasValue(2);
		assertThat(answer("-x")).hasValue(2);
		assertThat(answer("--")).hasValue(2);
		assertThat(answer("--demo", "--server.port=0", "--debug")).isEmpty();
		assertThat(answer()).isEmpty();
	}

	@Test
	void everyPropertyTheHelpNamesExists() throws IOException {
		Set<String> known = new HashSet<>();
		for (URL metadata : Collections.list(getClass().getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				ViewerApi.JSON.readTree(in).path("properties").forEach((property) -> known.add(property.get("name").asString()));
			}
		}
		List<String> named = new ArrayList<>();
		Matcher property = Pattern.compile("--((?:zmq|server)\\.[a-z.-]+)=").matcher(ViewerHelp.HELP);
		while (property.find()) {
			named.add(property.group(1));
		}
		assertThat(named).hasSizeGreaterThan(8);
		assertThat(known).containsAll(named);
	}

	private static OptionalInt answer(String... args) {
		return ViewerHelp.answer(args, new LineOutput(new ByteArrayOutputStream()),
				new LineOutput(new ByteArrayOutputStream()));
	}

}
