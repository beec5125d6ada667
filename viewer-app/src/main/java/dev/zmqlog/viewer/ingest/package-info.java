/**
 * From received messages to entries: decoding results, counters, the subscriber.
 */
@NullMarked
package dev.zmqlog.viewer.ingest;

import org.jspecify.annotations.NullMarked;
