package dev.zmqlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * An event waiting for the I/O thread, with the sequence number it was given when logged.
 * Numbering at log time, dropped events included, puts each gap exactly where the loss
 * happened.
 *
 * @param event the event, prepared for deferred processing
 * @param seq its sequence number
 */
record QueuedEvent(ILoggingEvent event, long seq) {
}
