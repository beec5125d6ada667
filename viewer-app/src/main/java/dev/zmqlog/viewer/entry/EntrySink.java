package dev.zmqlog.viewer.entry;

/**
 * Where numbered entries are handed on, in id order, on the ingest thread: the recent
 * window, and later the durable store. An implementation never waits for anyone: it keeps
 * the entry or queues it for its own thread, bounded, and counts what it sheds.
 */
@FunctionalInterface
public interface EntrySink {

	void accept(ViewerEntry entry);

}
