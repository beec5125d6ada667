package dev.zmqlog.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data flows one way through the viewer's packages: no package imports, directly or
 * through others, one that imports it back. Read from the sources' import lines (and
 * same-package-free qualified names), which is all the Java compiler links by.
 */
class PackageCycleTest {

	private static final Path SOURCES = Path.of("src", "main", "java", "dev", "zmqlog", "viewer");

	private static final Pattern VIEWER_REFERENCE = Pattern.compile("\\bdev\\.zmqlog\\.viewer((?:\\.[a-z]\\w*)*)\\.[A-Z]");

	@Test
	void noViewerPackageDependsOnOneThatDependsOnIt() throws IOException {
		Map<String, Set<String>> uses = uses();
		assertThat(uses).containsKeys("entry", "history", "ingest", "web");

		for (String from : uses.keySet()) {
			assertThat(reachable(uses, from)).as("packages %s leads back from; it uses %s", from, uses.get(from))
				.doesNotContain(from);
		}
	}

	@Test
	void theEntryModelImportsNoOtherViewerPackage() throws IOException {
		assertThat(uses().get("entry")).isEmpty();
	}

	/** Package (relative to dev.zmqlog.viewer, "" for the root) → viewer packages its sources name. */
	private static Map<String, Set<String>> uses() throws IOException {
		Map<String, Set<String>> uses = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String from = packageOf(SOURCES.relativize(file.getParent()).toString());
				Set<String> used = uses.computeIfAbsent(from, (absent) -> new HashSet<>());
				Matcher reference = VIEWER_REFERENCE.matcher(Files.readString(file));
				while (reference.find()) {
					String to = packageOf(reference.group(1).replaceFirst("^\\.", "").replace('.', '/'));
					if (!to.equals(from)) {
						used.add(to);
					}
				}
			}
		}
		return uses;
	}

	private static String packageOf(String relativePath) {
		return relativePath.replace('/', '.').replace('\\', '.');
	}

	private static Set<String> reachable(Map<String, Set<String>> uses, String from) {
		Set<String> seen = new HashSet<>();
		java.util.ArrayDeque<String> next = new java.util.ArrayDeque<>(uses.getOrDefault(from, Set.of()));
		while (!next.isEmpty()) {
			String current = next.poll();
			if (seen.add(current)) {
				next.addAll(uses.getOrDefault(current, Set.of()));
			}
		}
		return seen;
	}

}
