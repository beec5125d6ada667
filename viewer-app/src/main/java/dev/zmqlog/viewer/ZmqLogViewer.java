package dev.zmqlog.viewer;

import java.util.Arrays;
import java.util.OptionalInt;

import dev.zmqlog.viewer.cli.KeygenCommand;
import dev.zmqlog.viewer.cli.ProxyCommand;
import dev.zmqlog.viewer.cli.ViewerHelp;
import dev.zmqlog.viewer.cli.WatchCommand;
import dev.zmqlog.viewer.demo.DemoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The viewer's entry point. {@code watch}, {@code proxy} and {@code keygen} are terminal commands that
 * start no web server; {@code --help} and arguments that are neither a command nor a
 * property are answered without starting anything ({@link ViewerHelp}); anything else
 * starts the viewer, with the demo for {@code --demo}.
 */
@SpringBootApplication(excludeName = JdbcStoreConfiguration.DATA_SOURCE_AUTO_CONFIGURATION)
@ConfigurationPropertiesScan
public class ZmqLogViewer {

	static final String DEMO_FLAG = "--demo";

	public static void main(String[] args) {
		String command = (args.length > 0) ? args[0] : "";
		String[] rest = (args.length > 0) ? Arrays.copyOfRange(args, 1, args.length) : args;
		switch (command) {
			case "watch" -> System.exit(WatchCommand.run(rest));
			case "proxy" -> System.exit(ProxyCommand.run(rest));
			case "keygen" -> System.exit(KeygenCommand.run(rest));
			default -> {
				OptionalInt answered = ViewerHelp.answer(args);
				if (answered.isPresent()) {
					System.exit(answered.getAsInt());
				}
				viewer(args).run(args);
			}
		}
	}

	/** The viewer; {@code --demo} turns on the demo profile. */
	static SpringApplication viewer(String[] args) {
		SpringApplication application = new SpringApplication(ZmqLogViewer.class);
		if (Arrays.asList(args).contains(DEMO_FLAG)) {
			application.setAdditionalProfiles(DemoConfiguration.PROFILE);
		}
		return application;
	}

}
