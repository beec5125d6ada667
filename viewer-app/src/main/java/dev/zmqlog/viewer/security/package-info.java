/**
 * The viewer's web security: the access token and the exposure guard.
 */
@NullMarked
package dev.zmqlog.viewer.security;

import org.jspecify.annotations.NullMarked;
