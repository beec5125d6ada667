/**
 * Spring Boot auto-configuration of the ZeroMQ log publisher.
 */
@NullMarked
package dev.zmqlog.autoconfigure;

import org.jspecify.annotations.NullMarked;
