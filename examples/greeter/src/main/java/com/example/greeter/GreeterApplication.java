package com.example.greeter;

import com.example.greetings.Hello;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * pyzmq's greeter: a warning, five debug lines, five greetings, done. No {@code sleep()}
 * for slow joiners: the publisher holds its first lines until a watcher subscribes.
 */
@SpringBootApplication
public class GreeterApplication implements CommandLineRunner {

	private static final Logger logger = LoggerFactory.getLogger("greeter");

	private static final int MESSAGE_COUNT = 5;

	public static void main(String[] args) {
		SpringApplication.run(GreeterApplication.class, args).close();
	}

	@Override
	public void run(String... args) {
		logger.warn("Preparing to greet the world...");
		for (int i = 1; i <= MESSAGE_COUNT; i++) {
			logger.debug("Sending message {} of {}", i, MESSAGE_COUNT);
			Hello.world();
		}
		logger.info("Done!");
	}

}
