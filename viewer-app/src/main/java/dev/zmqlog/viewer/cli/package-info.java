/**
 * Terminal commands of the viewer jar: watch and proxy.
 */
@NullMarked
package dev.zmqlog.viewer.cli;

import org.jspecify.annotations.NullMarked;
