package dev.zmqlog.viewer.entry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.Source;
import org.jspecify.annotations.Nullable;

/**
 * What objects take on the heap of a 64-bit HotSpot JVM with compressed references (any
 * heap under 32 GB): 12-byte object headers, 4-byte references, 16-byte array headers,
 * sizes rounded up to 8, compact strings (one byte a character when every character is
 * Latin-1). {@code HeapSizeTest} checks the estimates against the heap a JVM really uses.
 */
public final class HeapSize {

	static final int HEADER = 12;

	static final int REFERENCE = 4;

	static final int ARRAY_HEADER = 16;

	/** A boxed {@code Long} or an {@code Instant}'s seconds and nanos. */
	static final int BOXED_LONG = 16;

	static final int INSTANT = 24;

	/** {@code String}: header, value, hash, coder, hashIsZero. */
	static final int STRING = 24;

	/** {@code HashMap}: header, three view fields, table, size, modCount, threshold, loadFactor. */
	static final int HASH_MAP = 48;

	/** {@code LinkedHashMap}: a {@code HashMap} plus head, tail and accessOrder. */
	static final int LINKED_HASH_MAP = 56;

	/** {@code HashMap.Node}: header, hash, key, value, next. */
	static final int HASH_NODE = 32;

	/** {@code LinkedHashMap.Entry}: a node plus before and after. */
	static final int LINKED_NODE = 40;

	/** {@code ArrayList}: header, modCount, size, elementData. */
	static final int ARRAY_LIST = 24;

	/** {@link ViewerEntry}: header, one long, thirteen references. */
	static final int ENTRY = align(HEADER + 8 + 13 * REFERENCE);

	/** {@link Source}: header, four references. */
	static final int SOURCE = align(HEADER + 4 * REFERENCE);

	private HeapSize() {
	}

	static int align(long bytes) {
		return (int) ((bytes + 7) & ~7L);
	}

	/** An entry and everything only it refers to. */
	public static long of(ViewerEntry entry) {
		long bytes = ENTRY + INSTANT + ((entry.received() != entry.time()) ? INSTANT : 0);
		bytes += of(entry.topic()) + of(entry.logger()) + of(entry.thread()) + of(entry.message())
				+ of(entry.exception());
		bytes += of(entry.mdc()) + ofList(entry.markers());
		bytes += (entry.seq() != null) ? BOXED_LONG : 0;
		return bytes + of(entry.source());
	}

	public static long of(@Nullable Source source) {
		if (source == null) {
			return 0;
		}
		return SOURCE + of(source.app()) + of(source.host()) + of(source.instance())
				+ ((source.pid() != null) ? BOXED_LONG : 0);
	}

	public static long of(@Nullable String text) {
		if (text == null) {
			return 0;
		}
		return STRING + array(text.length() * (long) bytesPerChar(text));
	}

	private static int bytesPerChar(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 0xFF) {
				return 2;
			}
		}
		return 1;
	}

	static long array(long payloadBytes) {
		return align(ARRAY_HEADER + payloadBytes);
	}

	/** A map and its keys and values; an empty one is taken to be the shared {@code Map.of()}. */
	public static long of(Map<String, String> map) {
		if (map.isEmpty()) {
			return 0;
		}
		long bytes;
		if (map instanceof LinkedHashMap) {
			bytes = LINKED_HASH_MAP + array(REFERENCE * (long) tableLength(map.size()))
					+ LINKED_NODE * (long) map.size();
		}
		else if (map instanceof HashMap) {
			bytes = HASH_MAP + array(REFERENCE * (long) tableLength(map.size())) + HASH_NODE * (long) map.size();
		}
		else {
			// the immutable maps of Map.copyOf: keys and values in one array twice the size
			bytes = align(HEADER + 8) + array(REFERENCE * 4L * map.size());
		}
		for (Map.Entry<String, String> entry : map.entrySet()) {
			bytes += of(entry.getKey()) + of(entry.getValue());
		}
		return bytes;
	}

	/** A power of two at least 4/3 of the size: what a map filled one key at a time ends with. */
	private static int tableLength(int size) {
		int needed = (int) Math.ceil(size / 0.75);
		return Math.max(16, Integer.highestOneBit(Math.max(1, needed - 1)) << 1);
	}

	private static long ofList(List<String> list) {
		if (list.isEmpty()) {
			return 0;
		}
		// an ArrayList's array grows by half: up to a third of it may be empty
		long bytes = ARRAY_LIST + array(REFERENCE * (list.size() + (long) list.size() / 2));
		for (String value : list) {
			bytes += of(value);
		}
		return bytes;
	}

}
