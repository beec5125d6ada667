package dev.zmqlog.viewer.store;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EntryBytesTest {

	@Test
	void everyFieldComesBackExactly() {
		ViewerEntry entry = StoredEntries.entry(17, "shop", Level.ERROR, "payment failed \u00e9\u4e2d\ud83d\ude00");
		byte[] bytes = EntryBytes.encode(entry);
		assertThat(EntryBytes.decode(bytes, 0, bytes.length)).isEqualTo(entry);
		assertThat(EntryBytes.facets(bytes, 0, bytes.length)).isEqualTo(EntryFacets.of(entry));
	}

	@Test
	void absentValuesComeBackAbsent() {
		ViewerEntry raw = new ViewerEntry(3, StoredEntries.START, StoredEntries.START, "", null, null, null, "\u0000raw",
				null, Map.of(), List.of(), null, null, EntryKind.RAW);
		byte[] bytes = EntryBytes.encode(raw);
		assertThat(EntryBytes.decode(bytes, 0, bytes.length)).isEqualTo(raw);
		assertThat(EntryBytes.facets(bytes, 0, bytes.length)).isEqualTo(EntryFacets.of(raw));
	}

	@Test
	void everyTruncationIsRefusedAsDamage() {
		byte[] bytes = EntryBytes.encode(StoredEntries.entry(17, "shop", Level.ERROR, "cut anywhere"));
		for (int length = 0; length < bytes.length; length++) {
			int cut = length;
			assertThatIllegalArgumentException().as("cut at %d", cut).isThrownBy(() -> EntryBytes.decode(bytes, 0, cut));
			assertThatIllegalArgumentException().as("cut at %d", cut).isThrownBy(() -> EntryBytes.facets(bytes, 0, cut));
		}
	}

	@Test
	void garbageIsRefusedWithoutHugeAllocations() {
		Random random = new Random(12);
		byte[] good = EntryBytes.encode(StoredEntries.entry(17, "shop", Level.WARN, "flip my bits"));
		for (int round = 0; round < 20_000; round++) {
			byte[] bytes = (round % 2 == 0) ? new byte[random.nextInt(200)] : Arrays.copyOf(good, good.length);
			if (round % 2 == 0) {
				random.nextBytes(bytes);
				if (bytes.length > 0) {
					bytes[0] = 1;
				}
			}
			else {
				// lengths and counts set to huge or negative values
				int at = 1 + random.nextInt(bytes.length - 1);
				bytes[at] = (byte) random.nextInt(256);
			}
			// refused as damage is the only way a decode may fail, and the facets' decode refuses exactly the same
			assertThat(refused(() -> EntryBytes.facets(bytes, 0, bytes.length))).as("round %d", round)
				.isEqualTo(refused(() -> EntryBytes.decode(bytes, 0, bytes.length)));
		}
	}

	private static boolean refused(Runnable decode) {
		try {
			decode.run();
			return false;
		}
		catch (IllegalArgumentException expected) {
			return true;
		}
	}

}
