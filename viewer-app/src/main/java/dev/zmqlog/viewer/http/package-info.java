/**
 * The viewer's HTTP edge: what the container accepts, and one JSON answer for every error,
 * whatever a client sends.
 */
@NullMarked
package dev.zmqlog.viewer.http;

import org.jspecify.annotations.NullMarked;
