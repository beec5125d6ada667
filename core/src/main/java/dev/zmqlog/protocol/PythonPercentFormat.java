package dev.zmqlog.protocol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Python's {@code msg % args}, what {@code LogRecord.getMessage()} does, for a record that
 * carries {@code msg} and {@code args} but no formatted {@code message} (a
 * {@code logging.makeLogRecord} dictionary sent as it is). Covers the conversions log
 * messages use ({@code %s %r %d %i %u %f %e %g %x %o %c %%}, flags, width, precision,
 * {@code %(name)s} with a mapping); anything it cannot do exactly as Python would is left
 * unformatted, as Python prints the raw message when formatting fails.
 */
final class PythonPercentFormat {

	/** A width or precision beyond this is refused: a hostile record must not make a huge string. */
	private static final int MAX_WIDTH = 1_000;

	private PythonPercentFormat() {
	}

	/**
	 * @param msg the format
	 * @param args the arguments as JSON gives them: a list (a tuple), a map, or one value
	 * @return the formatted message, or {@code null} when it does not format
	 */
	static @Nullable String format(String msg, @Nullable Object args) {
		try {
			return new Formatting(msg, args).run();
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			return null;
		}
	}

	private static final class Formatting {

		private final String msg;

		private final @Nullable Object args;

		private int position;

		private int nextArg;

		Formatting(String msg, @Nullable Object args) {
			this.msg = msg;
			this.args = args;
		}

		String run() {
			StringBuilder out = new StringBuilder(this.msg.length() + 16);
			while (this.position < this.msg.length()) {
				char c = this.msg.charAt(this.position++);
				if (c != '%') {
					out.append(c);
					continue;
				}
				out.append(conversion());
			}
			if (this.args instanceof List<?> list && this.nextArg != list.size()) {
				throw new IllegalArgumentException("not all arguments converted");
			}
			return out.toString();
		}

		private String conversion() {
			Object value = null;
			boolean named = false;
			if (peek() == '(') {
				int end = this.msg.indexOf(')', this.position);
				if (end < 0 || !(this.args instanceof Map<?, ?> mapping)) {
					throw new IllegalArgumentException("format requires a mapping");
				}
				String key = this.msg.substring(this.position + 1, end);
				if (!mapping.containsKey(key)) {
					throw new IllegalArgumentException("no key " + key);
				}
				value = mapping.get(key);
				named = true;
				this.position = end + 1;
			}
			int specStart = this.position;
			while ("-+ #0".indexOf(peek()) >= 0) {
				this.position++;
			}
			while (Character.isDigit(peek()) || peek() == '.') {
				this.position++;
			}
			String spec = this.msg.substring(specStart, this.position);
			for (String number : spec.replaceAll("[-+ #]", "").split("\\.")) {
				if (number.length() > 4 || (!number.isEmpty() && Integer.parseInt(number) > MAX_WIDTH)) {
					throw new IllegalArgumentException("width or precision too large");
				}
			}
			char type = this.msg.charAt(this.position++);
			if (type == '%') {
				return "%";
			}
			if (!named) {
				value = nextArgument();
			}
			return convert(spec.replace("#", ""), type, value);
		}

		private char peek() {
			return (this.position < this.msg.length()) ? this.msg.charAt(this.position) : '\0';
		}

		private @Nullable Object nextArgument() {
			if (this.args instanceof List<?> list) {
				return list.get(this.nextArg++);
			}
			if (this.nextArg++ > 0) {
				throw new IllegalArgumentException("not enough arguments");
			}
			return this.args;
		}

		private static String convert(String spec, char type, @Nullable Object value) {
			return switch (type) {
				case 's' -> String.format(Locale.ROOT, "%" + spec + "s", str(value));
				case 'r' -> String.format(Locale.ROOT, "%" + spec + "s", repr(value));
				case 'd', 'i', 'u' -> String.format(Locale.ROOT, "%" + spec.replace(".", "") + "d", integer(value));
				case 'f', 'F', 'e', 'E', 'g', 'G' -> String.format(Locale.ROOT, "%" + spec + type, real(value));
				case 'x', 'X', 'o' -> String.format(Locale.ROOT, "%" + spec + type, integer(value));
				case 'c' -> String.valueOf((char) integer(value).intValue());
				default -> throw new IllegalArgumentException("unsupported format character " + type);
			};
		}

		/** Python's {@code str()} of a JSON value. */
		private static String str(@Nullable Object value) {
			if (value == null) {
				return "None";
			}
			if (value instanceof Boolean bool) {
				return bool ? "True" : "False";
			}
			if (value instanceof String || value instanceof Number) {
				return value.toString();
			}
			throw new IllegalArgumentException("not a plain value");
		}

		private static String repr(@Nullable Object value) {
			return (value instanceof String string) ? "'" + string.replace("\\", "\\\\").replace("'", "\\'") + "'"
					: str(value);
		}

		private static Long integer(@Nullable Object value) {
			if (value instanceof Number number && !(value instanceof BigDecimal)) {
				// Python's %d truncates a float
				return number.longValue();
			}
			if (value instanceof BigDecimal decimal) {
				return decimal.longValue();
			}
			throw new IllegalArgumentException("a number is required");
		}

		private static Double real(@Nullable Object value) {
			if (value instanceof Number number) {
				return number.doubleValue();
			}
			throw new IllegalArgumentException("a number is required");
		}

	}

}
