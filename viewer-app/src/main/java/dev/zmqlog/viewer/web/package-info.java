/**
 * The web side: HTTP API and the WebSocket live stream.
 */
@NullMarked
package dev.zmqlog.viewer.web;

import org.jspecify.annotations.NullMarked;
