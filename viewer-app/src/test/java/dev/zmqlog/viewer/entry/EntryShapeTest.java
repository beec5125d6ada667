package dev.zmqlog.viewer.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frontend's idea of an entry ({@code frontend/src/types.ts}) is the one the viewer
 * writes: the same keys in the same order, the same levels and kinds.
 */
class EntryShapeTest {

	private static final Path TYPES = Path.of("..", "frontend", "src", "types.ts");

	@Test
	void frontendEntryHasTheKeysTheViewerWrites() throws IOException {
		String types = Files.readString(TYPES);

		assertThat(keys(types, "ViewerEntry")).containsExactlyElementsOf(EntryJson.FIELDS);
		assertThat(keys(types, "Source")).containsExactlyElementsOf(EntryJson.SOURCE_FIELDS);
	}

	@Test
	void frontendLevelsAndKindsAreTheViewers() throws IOException {
		String types = Files.readString(TYPES);

		assertThat(union(types, "Level")).containsExactlyElementsOf(names(Level.values()));
		assertThat(union(types, "Kind")).containsExactlyElementsOf(names(EntryKind.values()));
	}

	private static List<String> keys(String types, String name) {
		Matcher body = Pattern.compile("export interface " + name + " \\{(.*?)\\n\\}", Pattern.DOTALL).matcher(types);
		assertThat(body.find()).as("interface %s in %s", name, TYPES).isTrue();
		List<String> keys = new ArrayList<>();
		Matcher key = Pattern.compile("^\\s+(\\w+)\\??:", Pattern.MULTILINE).matcher(body.group(1));
		while (key.find()) {
			keys.add(key.group(1));
		}
		return keys;
	}

	private static List<String> union(String types, String name) {
		Matcher body = Pattern.compile("export type " + name + " = ([^;]*);").matcher(types);
		assertThat(body.find()).as("type %s in %s", name, TYPES).isTrue();
		List<String> values = new ArrayList<>();
		Matcher value = Pattern.compile("'(\\w+)'").matcher(body.group(1));
		while (value.find()) {
			values.add(value.group(1));
		}
		return values;
	}

	private static List<String> names(Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(Enum::name).toList();
	}

}
