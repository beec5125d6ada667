/**
 * The wire protocol shared by publishers and receivers: topics, payloads, decoding.
 */
@NullMarked
package dev.zmqlog.protocol;

import org.jspecify.annotations.NullMarked;
