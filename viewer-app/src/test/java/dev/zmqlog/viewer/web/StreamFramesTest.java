package dev.zmqlog.viewer.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.entry.TestEntries;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's entries are written once, into the frames every browser that wants all of
 * them is sent: each entry's text and each frame are slices of one array.
 */
class StreamFramesTest {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final EntryJson json = new EntryJson();

	@Test
	void eachEntryIsASliceOfTheFramesThatCarryIt() {
		List<ViewerEntry> entries = List.of(TestEntries.entry(1, "one"), TestEntries.entry(2, "\u00e9\u6f22"),
				TestEntries.entry(3, "three"));
		StreamFrames.Written written = StreamFrames.write(entries, this.json);

		assertThat(written.frames()).hasSize(1);
		Frame frame = written.frames().get(0);
		assertThat(ids(frame)).containsExactly(1L, 2L, 3L);
		for (int i = 0; i < entries.size(); i++) {
			EncodedEntry encoded = written.entries().get(i);
			assertThat(encoded.buffer()).isSameAs(frame.buffer());
			assertThat(new String(encoded.buffer(), encoded.offset(), encoded.length(), StandardCharsets.UTF_8))
				.isEqualTo(this.json.text(entries.get(i)));
		}
	}

	@Test
	void entriesBeyondAFrameGoInTheNextFrameOfTheSameArray() {
		List<ViewerEntry> entries = new ArrayList<>();
		for (int i = 1; i <= 700; i++) {
			// about 1 KB each, one of 300 KB: frames split before and after it
			entries.add(TestEntries.entry(i, "x".repeat((i == 350) ? 300_000 : 1_000)));
		}
		StreamFrames.Written written = StreamFrames.write(entries, this.json);

		List<Long> ids = new ArrayList<>();
		for (Frame frame : written.frames()) {
			List<Long> inFrame = ids(frame);
			assertThat(frame.length() <= StreamFrames.MAX_FRAME_BYTES || inFrame.size() == 1)
				.as("a frame over the limit holds one entry").isTrue();
			assertThat(frame.buffer()).isSameAs(written.entries().get(0).buffer());
			ids.addAll(inFrame);
		}
		assertThat(written.frames().size()).isGreaterThan(2);
		assertThat(ids).hasSize(700).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
		for (int i = 0; i < entries.size(); i++) {
			EncodedEntry encoded = written.entries().get(i);
			assertThat(new String(encoded.buffer(), encoded.offset(), encoded.length(), StandardCharsets.UTF_8))
				.isEqualTo(this.json.text(entries.get(i)));
		}
	}

	@Test
	void framesOfSomeEntriesAreMadeOfTheirSlices() {
		List<ViewerEntry> entries = List.of(TestEntries.entry(1, "one"), TestEntries.entry(2, "two"),
				TestEntries.entry(3, "three"));
		StreamFrames.Written written = StreamFrames.write(entries, this.json);

		List<Frame> frames = StreamFrames.entries(List.of(written.entries().get(0), written.entries().get(2)));

		assertThat(frames).hasSize(1);
		assertThat(ids(frames.get(0))).containsExactly(1L, 3L);
	}

	@Test
	void noEntriesMakeNoFrames() {
		assertThat(StreamFrames.write(List.of(), this.json).frames()).isEmpty();
	}

	private static List<Long> ids(Frame frame) {
		JsonNode read = MAPPER.readTree(new String(frame.buffer(), frame.offset(), frame.length(), StandardCharsets.UTF_8));
		assertThat(read.get("type").asString()).isEqualTo("entries");
		List<Long> ids = new ArrayList<>();
		read.get("entries").forEach((entry) -> ids.add(entry.get("id").asLong()));
		return ids;
	}

}
