package dev.zmqlog.viewer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;

/**
 * A terminal command's parsed arguments. {@link Syntax} parses them as Python's
 * {@code argparse} does, so that the flags a user typed for pyzmq's watcher work here:
 * {@code --name value} and {@code --name=value}, {@code -t value} and {@code -tvalue},
 * unambiguous prefixes of long names ({@code --sep}), options and positionals in any
 * order, {@code --} before positionals that start with a dash.
 */
final class CommandLine {

	private final Map<String, List<String>> values;

	private final List<String> positionals;

	private final boolean helpRequested;

	private CommandLine(Map<String, List<String>> values, List<String> positionals, boolean helpRequested) {
		this.values = values;
		this.positionals = positionals;
		this.helpRequested = helpRequested;
	}

	/** Whether {@code -h}/{@code --help} was given; nothing else is parsed then. */
	boolean helpRequested() {
		return this.helpRequested;
	}

	/** Whether an option was given, by its long name without dashes. */
	boolean has(String longName) {
		return this.values.containsKey(longName);
	}

	/** Every value an option was given, in order. */
	List<String> values(String longName) {
		return this.values.getOrDefault(longName, List.of());
	}

	/** The last value an option was given (as argparse keeps it), or the default. */
	String value(String longName, String defaultValue) {
		List<String> given = values(longName);
		return given.isEmpty() ? defaultValue : given.get(given.size() - 1);
	}

	List<String> positionals() {
		return this.positionals;
	}

	/**
	 * The options and positional arguments a command accepts, its usage line and help.
	 */
	static final class Syntax {

		private static final int HELP_COLUMN = 24;

		private static final int LINE_WIDTH = 88;

		private final String program;

		private final String description;

		private final List<Option> options = new ArrayList<>();

		private @Nullable String positionalName;

		private String positionalHelp = "";

		private String epilog = "";

		Syntax(String program, String description) {
			this.program = program;
			this.description = description;
			this.options.add(new Option("h", "help", null, "show this help message and exit"));
		}

		Syntax flag(@Nullable String shortName, String longName, String help) {
			this.options.add(new Option(shortName, longName, null, help));
			return this;
		}

		Syntax value(@Nullable String shortName, String longName, String metavar, String help) {
			this.options.add(new Option(shortName, longName, metavar, help));
			return this;
		}

		/** One or more positional arguments are required. */
		Syntax positionals(String metavar, String help) {
			this.positionalName = metavar;
			this.positionalHelp = help;
			return this;
		}

		Syntax epilog(String epilog) {
			this.epilog = epilog;
			return this;
		}

		String program() {
			return this.program;
		}

		CommandLine parse(String[] args) throws UsageException {
			Map<String, List<String>> values = new LinkedHashMap<>();
			List<String> positionals = new ArrayList<>();
			boolean onlyPositionals = false;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (onlyPositionals || !arg.startsWith("-") || arg.equals("-")) {
					positionals.add(arg);
					continue;
				}
				if (arg.equals("--")) {
					onlyPositionals = true;
					continue;
				}
				String inlineValue;
				Option option;
				if (arg.startsWith("--")) {
					int equals = arg.indexOf('=');
					option = longOption((equals < 0) ? arg.substring(2) : arg.substring(2, equals), arg);
					inlineValue = (equals < 0) ? null : arg.substring(equals + 1);
				}
				else {
					option = shortOption(arg);
					String rest = arg.substring(2);
					inlineValue = rest.isEmpty() ? null : (rest.startsWith("=") ? rest.substring(1) : rest);
				}
				if (option.longName().equals("help")) {
					return new CommandLine(Map.of(), List.of(), true);
				}
				if (option.metavar() == null) {
					if (inlineValue != null) {
						throw new UsageException("argument " + option.names() + ": ignored explicit argument '"
								+ inlineValue + "'");
					}
					values.computeIfAbsent(option.longName(), (name) -> new ArrayList<>()).add("");
					continue;
				}
				if (inlineValue == null) {
					if (i + 1 >= args.length || isOptionName(args[i + 1])) {
						throw new UsageException("argument " + option.names() + ": expected one argument");
					}
					inlineValue = args[++i];
				}
				values.computeIfAbsent(option.longName(), (name) -> new ArrayList<>()).add(inlineValue);
			}
			if (this.positionalName == null && !positionals.isEmpty()) {
				throw new UsageException("unrecognized arguments: " + String.join(" ", positionals));
			}
			if (this.positionalName != null && positionals.isEmpty()) {
				throw new UsageException("the following arguments are required: " + this.positionalName);
			}
			return new CommandLine(values, List.copyOf(positionals), false);
		}

		private Option longOption(String name, String arg) throws UsageException {
			List<Option> matches = new ArrayList<>();
			for (Option option : this.options) {
				if (option.longName().equals(name)) {
					return option;
				}
				if (!name.isEmpty() && option.longName().startsWith(name)) {
					matches.add(option);
				}
			}
			if (matches.size() == 1) {
				return matches.get(0);
			}
			if (matches.size() > 1) {
				throw new UsageException("ambiguous option: --" + name + " could match "
						+ String.join(", ", matches.stream().map((option) -> "--" + option.longName()).toList()));
			}
			throw new UsageException("unrecognized arguments: " + arg);
		}

		private Option shortOption(String arg) throws UsageException {
			String name = arg.substring(1, 2);
			for (Option option : this.options) {
				if (name.equals(option.shortName()) && (option.metavar() != null || arg.length() == 2)) {
					return option;
				}
			}
			throw new UsageException("unrecognized arguments: " + arg);
		}

		/** A value that is exactly an option's name is a missing value, as argparse sees it. */
		private boolean isOptionName(String arg) {
			for (Option option : this.options) {
				if (arg.equals("--" + option.longName()) || arg.equals("-" + option.shortName())) {
					return true;
				}
			}
			return false;
		}

		/** The usage line, wrapped as argparse wraps it: continuation lines under the first item. */
		String usage() {
			List<String> items = new ArrayList<>();
			for (Option option : this.options) {
				items.add("[" + option.shortest() + ((option.metavar() != null) ? " " + option.metavar() : "") + "]");
			}
			if (this.positionalName != null) {
				items.add(this.positionalName + " [" + this.positionalName + " ...]");
			}
			String prefix = "usage: " + this.program;
			String indent = " ".repeat(prefix.length() + 1);
			StringBuilder usage = new StringBuilder(prefix);
			int lineLength = prefix.length();
			for (String item : items) {
				if (lineLength + 1 + item.length() > LINE_WIDTH && lineLength > indent.length()) {
					usage.append('\n').append(indent).append(item);
					lineLength = indent.length() + item.length();
				}
				else {
					usage.append(' ').append(item);
					lineLength += 1 + item.length();
				}
			}
			return usage.append('\n').toString();
		}

		String help() {
			StringBuilder help = new StringBuilder(usage()).append('\n').append(this.description).append('\n');
			if (this.positionalName != null) {
				help.append("\npositional arguments:\n");
				appendItem(help, this.positionalName, this.positionalHelp);
			}
			help.append("\noptions:\n");
			for (Option option : this.options) {
				appendItem(help, option.synopsis(), option.help());
			}
			if (!this.epilog.isEmpty()) {
				help.append('\n').append(this.epilog);
				if (!this.epilog.endsWith("\n")) {
					help.append('\n');
				}
			}
			return help.toString();
		}

		private static void appendItem(StringBuilder help, String synopsis, String text) {
			help.append("  ").append(synopsis);
			if (synopsis.length() + 2 < HELP_COLUMN - 1) {
				help.append(" ".repeat(HELP_COLUMN - 2 - synopsis.length()));
			}
			else {
				help.append('\n').append(" ".repeat(HELP_COLUMN));
			}
			help.append(text.replace("\n", "\n" + " ".repeat(HELP_COLUMN))).append('\n');
		}

		/**
		 * Runs a command as {@code argparse} would: prints the help (exit code 0) or what is
		 * wrong with the arguments (exit code 2), else runs what the command prepared.
		 */
		int run(String[] args, LineOutput out, LineOutput err, Command command) {
			IntSupplier prepared;
			try {
				CommandLine line = parse(args);
				if (line.helpRequested()) {
					out.print(help());
					return 0;
				}
				prepared = command.prepare(line);
			}
			catch (UsageException ex) {
				err.print(error(ex));
				return 2;
			}
			return prepared.getAsInt();
		}

		/** A message for the user: the usage line, then what was wrong. */
		String error(UsageException ex) {
			return usage() + this.program + ": error: " + ex.getMessage() + "\n";
		}

	}

	private record Option(@Nullable String shortName, String longName, @Nullable String metavar, String help) {

		String names() {
			return (this.shortName != null) ? "-" + this.shortName + "/--" + this.longName : "--" + this.longName;
		}

		String shortest() {
			return (this.shortName != null) ? "-" + this.shortName : "--" + this.longName;
		}

		String synopsis() {
			String value = (this.metavar != null) ? " " + this.metavar : "";
			return (this.shortName != null) ? "-" + this.shortName + value + ", --" + this.longName + value
					: "--" + this.longName + value;
		}

	}

	/** What a command does with its parsed arguments. */
	@FunctionalInterface
	interface Command {

		/**
		 * Checks and converts the arguments, then returns what runs the command and gives
		 * its exit code; failures while running are not usage errors.
		 * @throws UsageException when the arguments do not fit
		 */
		IntSupplier prepare(CommandLine line) throws UsageException;

	}

	/** The arguments do not fit the command's syntax; the message says how. */
	static final class UsageException extends Exception {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}

	}

}
