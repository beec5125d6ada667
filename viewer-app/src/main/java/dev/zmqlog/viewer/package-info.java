/**
 * The zmqlog viewer: subscribes to publishers, keeps history, streams to browsers.
 */
@NullMarked
package dev.zmqlog.viewer;

import org.jspecify.annotations.NullMarked;
