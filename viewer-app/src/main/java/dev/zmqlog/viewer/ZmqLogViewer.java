package dev.zmqlog.viewer;

import java.util.Arrays;

import dev.zmqlog.viewer.cli.ProxyCommand;
import dev.zmqlog.viewer.cli.WatchCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The viewer's entry point. {@code watch} and {@code proxy} are terminal commands that
 * start no web server; anything else starts the viewer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZmqLogViewer {

	public static void main(String[] args) {
		String command = (args.length > 0) ? args[0] : "";
		String[] rest = (args.length > 0) ? Arrays.copyOfRange(args, 1, args.length) : args;
		switch (command) {
			case "watch" -> System.exit(WatchCommand.run(rest));
			case "proxy" -> System.exit(ProxyCommand.run(rest));
			default -> SpringApplication.run(ZmqLogViewer.class, args);
		}
	}

}
