package dev.zmqlog.viewer.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.entry.TestEntries;
import dev.zmqlog.viewer.entry.Utf8Json;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's entries are written once, into the frames every browser that wants all of
 * them is sent: each entry's text and each frame are slices of one buffer, direct for a
 * batch of ordinary size.
 */
class StreamFramesTest {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** Direct memory for any batch. */
	private static final DirectMemoryBudget UNLIMITED = new DirectMemoryBudget(() -> 0, Long.MAX_VALUE);

	private final EntryJson json = new EntryJson();

	@Test
	void aBatchOfOrdinarySizeIsOneDirectBufferThatEachEntryAndFrameIsASliceOf() {
		List<ViewerEntry> entries = List.of(TestEntries.entry(1, "one"), TestEntries.entry(2, "\u00e9\u6f22"),
				TestEntries.entry(3, "three"));
		StreamFrames.Written written = StreamFrames.write(entries, this.json, new Utf8Json(16), UNLIMITED);

		assertThat(written.frames()).hasSize(1);
		Frame frame = written.frames().get(0);
		assertThat(ids(frame)).containsExactly(1L, 2L, 3L);
		assertThat(frame.content().isDirect()).isTrue();
		for (int i = 0; i < entries.size(); i++) {
			EncodedEntry encoded = written.entries().get(i);
			assertThat(encoded.json().isDirect()).isTrue();
			assertThat(text(encoded.text())).isEqualTo(this.json.text(entries.get(i)));
		}
	}

	@Test
	void entriesBeyondAFrameGoInTheNextFrameOfTheSameBuffer() {
		List<ViewerEntry> entries = new ArrayList<>();
		for (int i = 1; i <= 400; i++) {
			// about 1 KB each, one of 300 KB: frames split before and after it
			entries.add(TestEntries.entry(i, "x".repeat((i == 200) ? 300_000 : 1_000)));
		}
		StreamFrames.Written written = StreamFrames.write(entries, this.json, new Utf8Json(16), UNLIMITED);

		List<Long> ids = new ArrayList<>();
		for (Frame frame : written.frames()) {
			List<Long> inFrame = ids(frame);
			assertThat(frame.content().remaining() <= StreamFrames.MAX_FRAME_BYTES || inFrame.size() == 1)
				.as("a frame over the limit holds one entry").isTrue();
			assertThat(frame.content().isDirect()).isTrue();
			ids.addAll(inFrame);
		}
		assertThat(written.frames().size()).isGreaterThan(2);
		assertThat(ids).hasSize(400).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
		for (int i = 0; i < entries.size(); i++) {
			EncodedEntry encoded = written.entries().get(i);
			assertThat(text(encoded.text())).isEqualTo(this.json.text(entries.get(i)));
		}
	}

	@Test
	void aBatchOfLargeEntriesStaysInAnArrayOfItsOwn() {
		Utf8Json scratch = new Utf8Json(16);
		List<ViewerEntry> entries = List.of(TestEntries.entry(1, "x".repeat(Utf8Json.MAX_RETAINED_BYTES)),
				TestEntries.entry(2, "two"));
		StreamFrames.Written written = StreamFrames.write(entries, this.json, scratch, UNLIMITED);

		byte[] array = written.frames().get(0).content().array();
		assertThat(written.frames()).allSatisfy((frame) -> assertThat(frame.content().array()).isSameAs(array));
		assertThat(array).isNotSameAs(scratch.array());
		assertThat(written.bytes()).isEqualTo(array.length);
		assertThat(written.frames().stream().flatMap((frame) -> ids(frame).stream())).containsExactly(1L, 2L);
		assertThat(text(written.entries().get(1).text())).isEqualTo(this.json.text(entries.get(1)));
	}

	@Test
	void aBatchStaysOnTheHeapWhileTheJvmsDirectBuffersHoldTheBudget() {
		long budget = 10_000_000;
		AtomicLong used = new AtomicLong(budget);
		DirectMemoryBudget direct = new DirectMemoryBudget(used::get, budget);
		Utf8Json scratch = new Utf8Json(16);
		List<ViewerEntry> entries = List.of(TestEntries.entry(1, "one"), TestEntries.entry(2, "two"));

		StreamFrames.Written onHeap = StreamFrames.write(entries, this.json, scratch, direct);
		used.set(0);
		StreamFrames.Written freed = StreamFrames.write(entries, this.json, scratch, direct);

		assertThat(onHeap.frames().get(0).content().isDirect()).isFalse();
		assertThat(onHeap.frames().get(0).content().array()).isNotSameAs(scratch.array());
		assertThat(onHeap.entries().get(1).json().isDirect()).isFalse();
		assertThat(ids(onHeap.frames().get(0))).containsExactly(1L, 2L);
		assertThat(freed.frames().get(0).content().isDirect()).isTrue();
		assertThat(ids(freed.frames().get(0))).containsExactly(1L, 2L);
	}

	@Test
	void entriesLargerThanEstimatedAreCopiedIntoAnArray() {
		Map<String, String> mdc = new HashMap<>();
		for (int i = 0; i < 100_000; i++) {
			mdc.put("key" + i, "value" + i);
		}
		ViewerEntry small = TestEntries.entry(1, "one");
		ViewerEntry withLargeMdc = new ViewerEntry(1, small.time(), small.received(), small.topic(), small.level(),
				small.logger(), small.thread(), small.message(), null, mdc, List.of(), 1L, small.source(), small.kind());
		Utf8Json scratch = new Utf8Json(16);

		StreamFrames.Written written = StreamFrames.write(List.of(withLargeMdc), this.json, scratch, UNLIMITED);

		assertThat(written.bytes()).isGreaterThan(Utf8Json.MAX_RETAINED_BYTES);
		assertThat(written.frames().get(0).content().isDirect()).isFalse();
		assertThat(written.frames().get(0).content().array()).isNotSameAs(scratch.array());
		assertThat(text(written.entries().get(0).text())).isEqualTo(this.json.text(withLargeMdc));
	}

	@Test
	void framesWrittenWithoutAScratchAreAnArrayOfTheirOwn() {
		StreamFrames.Written written = StreamFrames.write(List.of(TestEntries.entry(1, "one")), this.json);

		assertThat(written.frames().get(0).content().isDirect()).isFalse();
		assertThat(ids(written.frames().get(0))).containsExactly(1L);
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
	void aScratchWrittenAgainLeavesTheFramesOfEarlierBatchesIntact() {
		Utf8Json scratch = new Utf8Json(16);
		StreamFrames.Written first = StreamFrames.write(List.of(TestEntries.entry(1, "one")), this.json, scratch,
				UNLIMITED);
		StreamFrames.Written second = StreamFrames.write(List.of(TestEntries.entry(2, "two")), this.json, scratch,
				UNLIMITED);

		assertThat(ids(first.frames().get(0))).containsExactly(1L);
		assertThat(ids(second.frames().get(0))).containsExactly(2L);
		assertThat(text(first.entries().get(0).text())).isEqualTo(this.json.text(TestEntries.entry(1, "one")));
	}

	@Test
	void noEntriesMakeNoFrames() {
		assertThat(StreamFrames.write(List.of(), this.json).frames()).isEmpty();
	}

	private static String text(ByteBuffer bytes) {
		return StandardCharsets.UTF_8.decode(bytes).toString();
	}

	private static List<Long> ids(Frame frame) {
		JsonNode read = MAPPER.readTree(text(frame.bytes()));
		assertThat(read.get("type").asString()).isEqualTo("entries");
		List<Long> ids = new ArrayList<>();
		read.get("entries").forEach((entry) -> ids.add(entry.get("id").asLong()));
		return ids;
	}

}
