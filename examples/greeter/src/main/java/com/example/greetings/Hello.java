package com.example.greetings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says hello, on the logger pyzmq's example calls {@code greetings.hello}.
 */
public final class Hello {

	private static final Logger logger = LoggerFactory.getLogger("greetings.hello");

	private Hello() {
	}

	public static void world() {
		logger.info("hello world!");
	}

}
