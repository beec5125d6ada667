package dev.zmqlog.viewer.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.zmqlog.protocol.Level;
import dev.zmqlog.viewer.entry.EntryFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A store folder that cannot be read as one is moved aside and a fresh store started, with
 * the reason in the log and in the store's status; a folder another viewer holds is left
 * alone.
 */
class DamagedStoreTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T03:12:00Z"), ZoneOffset.UTC);

	@TempDir
	Path parent;

	private Path storeWithEntries() throws Exception {
		Path folder = this.parent.resolve("zmqlog-data");
		try (LuceneStore store = LuceneStore.open(folder, 16)) {
			store.write(List.of(StoredEntries.entry(1, "shop", Level.INFO, "first"),
					StoredEntries.entry(2, "shop", Level.INFO, "second")));
			store.commit(3, List.of());
		}
		return folder;
	}

	private static void overwriteWithGarbage(Path file, long seed) throws Exception {
		byte[] garbage = new byte[(int) Math.max(64, Files.size(file))];
		new Random(seed).nextBytes(garbage);
		Files.write(file, garbage);
	}

	private LuceneStore openExpectingRecovery(Path folder) {
		LuceneStore store = new EmbeddedStoreOpener(CLOCK, 16).open(folder);
		assertThat(store.recovery()).contains("could not be read").contains("zmqlog-data.damaged-20260301-031200");
		assertThat(store.nextId()).isEqualTo(1);
		assertThat(store.newest(EntryFilter.ALL, Long.MIN_VALUE, Long.MAX_VALUE, 10, Long.MAX_VALUE).entries()).isEmpty();
		assertThat(this.parent.resolve("zmqlog-data.damaged-20260301-031200")).exists();
		return store;
	}

	@Test
	void garbageCommitPointIsMovedAside() throws Exception {
		Path folder = storeWithEntries();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((file) -> file.getFileName().toString().startsWith("segments_")).toList()) {
				overwriteWithGarbage(file, 1);
			}
		}
		try (LuceneStore store = openExpectingRecovery(folder)) {
			store.write(List.of(StoredEntries.entry(1, "shop", Level.INFO, "fresh")));
			store.commit(2, List.of());
			assertThat(store.get(1).message()).isEqualTo("fresh");
		}
	}

	@Test
	void everyFileTurnedToGarbageIsMovedAside() throws Exception {
		Path folder = storeWithEntries();
		try (Stream<Path> files = Files.list(folder)) {
			long seed = 0;
			for (Path file : files.filter((file) -> !file.getFileName().toString().equals("write.lock")).toList()) {
				overwriteWithGarbage(file, seed++);
			}
		}
		openExpectingRecovery(folder).close();
	}

	@Test
	void truncatedSegmentsAreMovedAside() throws Exception {
		Path folder = storeWithEntries();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((file) -> file.getFileName().toString().endsWith(".si")).toList()) {
				Files.write(file, new byte[7]);
			}
		}
		openExpectingRecovery(folder).close();
	}

	@Test
	void aFileWhereTheFolderShouldBeIsMovedAside() throws Exception {
		Path folder = this.parent.resolve("zmqlog-data");
		Files.writeString(folder, "not a folder");
		openExpectingRecovery(folder).close();
	}

	@Test
	void aStoreInUseByAnotherViewerIsLeftAlone() throws Exception {
		Path folder = storeWithEntries();
		try (LuceneStore first = LuceneStore.open(folder, 16)) {
			assertThatIllegalStateException().isThrownBy(() -> new EmbeddedStoreOpener(CLOCK, 16).open(folder))
				.withMessageContaining("in use by another viewer");
			assertThat(first.get(2)).isNotNull();
		}
		try (Stream<Path> siblings = Files.list(this.parent)) {
			assertThat(siblings).containsExactly(folder);
		}
	}

}
