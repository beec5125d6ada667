/**
 * The built-in demo: simulated services that publish through the starter.
 */
@NullMarked
package dev.zmqlog.viewer.demo;

import org.jspecify.annotations.NullMarked;
