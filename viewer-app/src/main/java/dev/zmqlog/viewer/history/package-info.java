/**
 * The entries the viewer keeps: history, topics, sequence accounting.
 */
@NullMarked
package dev.zmqlog.viewer.history;

import org.jspecify.annotations.NullMarked;
