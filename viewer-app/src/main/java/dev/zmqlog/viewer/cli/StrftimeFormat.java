package dev.zmqlog.viewer.cli;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Python's {@code datetime.now().strftime(pattern)} on Linux, for pyzmq's
 * {@code --dateformat}: Python's own {@code %f} (microseconds) and {@code %z}/{@code %Z}
 * (empty, the time being naive), and glibc's directives in the C locale, with glibc's flags
 * ({@code -} no padding, {@code _} spaces, {@code 0} zeros, {@code ^} upper case, {@code #}
 * swapped case), field widths and {@code E}/{@code O} modifiers. An unknown directive is
 * copied as it stands, as glibc does.
 */
final class StrftimeFormat {

	/** The watcher's default; pyzmq's own default, {@code %Y-%d-%m %H:%M}, swaps day and month. */
	static final String DEFAULT_PATTERN = "%Y-%m-%d %H:%M:%S";

	/** The C locale's names, whatever the JVM's locale data says. */
	private static final String[] DAYS = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
			"Sunday" };

	private static final String[] MONTHS = { "January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December" };

	private final String pattern;

	StrftimeFormat(String pattern) {
		this.pattern = pattern;
	}

	String format(LocalDateTime time) {
		StringBuilder out = new StringBuilder(this.pattern.length() + 16);
		String p = this.pattern;
		int i = 0;
		while (i < p.length()) {
			char c = p.charAt(i);
			if (c != '%') {
				out.append(c);
				i++;
				continue;
			}
			int start = i++;
			if (i < p.length()) {
				// Python replaces these before glibc sees the pattern
				char next = p.charAt(i);
				if (next == 'f') {
					out.append(padded(Integer.toString(time.getNano() / 1000), 6, '0'));
					i++;
					continue;
				}
				if (next == 'z' || next == 'Z') {
					i++;
					continue;
				}
			}
			char pad = 0;
			boolean upper = false;
			boolean swapCase = false;
			while (i < p.length() && "-_0^#".indexOf(p.charAt(i)) >= 0) {
				switch (p.charAt(i++)) {
					case '^' -> upper = true;
					case '#' -> swapCase = true;
					case '-' -> pad = '-';
					case '_' -> pad = ' ';
					default -> pad = '0';
				}
			}
			int width = 0;
			while (i < p.length() && Character.isDigit(p.charAt(i))) {
				width = Math.min(width * 10 + (p.charAt(i++) - '0'), 1024);
			}
			if (i < p.length() && (p.charAt(i) == 'E' || p.charAt(i) == 'O')) {
				i++;
			}
			if (i >= p.length()) {
				out.append(padded(p.substring(start), width, ' '));
				break;
			}
			char conversion = p.charAt(i++);
			Field field = field(conversion, time);
			if (field == null) {
				out.append(padded(p.substring(start, i), width, ' '));
			}
			else if (field.numeric()) {
				out.append(number(field, pad, width));
			}
			else {
				String text = field.text();
				if (upper) {
					text = text.toUpperCase(Locale.ROOT);
				}
				else if (swapCase) {
					text = (conversion == 'p') ? text.toLowerCase(Locale.ROOT) : text.toUpperCase(Locale.ROOT);
				}
				out.append(padded(text, width, (pad == '0') ? '0' : ' '));
			}
		}
		return out.toString();
	}

	private static String number(Field field, char pad, int width) {
		String digits = field.text();
		if (pad == '-') {
			// glibc: no padding, unless a width asks for it, with spaces then
			return padded(digits, width, ' ');
		}
		char fill = (pad == 0) ? field.fill() : pad;
		return padded(digits, Math.max(width, (width > 0) ? 0 : field.width()), fill);
	}

	private static String padded(String text, int width, char fill) {
		return (text.length() >= width) ? text : String.valueOf(fill).repeat(width - text.length()) + text;
	}

	private static @Nullable Field field(char conversion, LocalDateTime t) {
		return switch (conversion) {
			case 'a' -> Field.text(DAYS[t.getDayOfWeek().ordinal()].substring(0, 3));
			case 'A' -> Field.text(DAYS[t.getDayOfWeek().ordinal()]);
			case 'b', 'h' -> Field.text(MONTHS[t.getMonthValue() - 1].substring(0, 3));
			case 'B' -> Field.text(MONTHS[t.getMonthValue() - 1]);
			case 'p' -> Field.text((t.getHour() < 12) ? "AM" : "PM");
			case 'P' -> Field.text((t.getHour() < 12) ? "am" : "pm");
			case 'c' -> Field.text(new StrftimeFormat("%a %b %e %H:%M:%S %Y").format(t));
			case 'x', 'D' -> Field.text(new StrftimeFormat("%m/%d/%y").format(t));
			case 'X', 'T' -> Field.text(new StrftimeFormat("%H:%M:%S").format(t));
			case 'F' -> Field.text(new StrftimeFormat("%Y-%m-%d").format(t));
			case 'R' -> Field.text(new StrftimeFormat("%H:%M").format(t));
			case 'r' -> Field.text(new StrftimeFormat("%I:%M:%S %p").format(t));
			case 'n' -> Field.text("\n");
			case 't' -> Field.text("\t");
			case '%' -> Field.text("%");
			case 'Y' -> Field.number(t.getYear(), 1, '0');
			case 'C' -> Field.number(Math.floorDiv(t.getYear(), 100), 2, '0');
			case 'y' -> Field.number(Math.floorMod(t.getYear(), 100), 2, '0');
			case 'G' -> Field.number(t.get(IsoFields.WEEK_BASED_YEAR), 1, '0');
			case 'g' -> Field.number(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0');
			case 'm' -> Field.number(t.getMonthValue(), 2, '0');
			case 'd' -> Field.number(t.getDayOfMonth(), 2, '0');
			case 'e' -> Field.number(t.getDayOfMonth(), 2, ' ');
			case 'j' -> Field.number(t.getDayOfYear(), 3, '0');
			case 'H' -> Field.number(t.getHour(), 2, '0');
			case 'k' -> Field.number(t.getHour(), 2, ' ');
			case 'I' -> Field.number(twelveHour(t), 2, '0');
			case 'l' -> Field.number(twelveHour(t), 2, ' ');
			case 'M' -> Field.number(t.getMinute(), 2, '0');
			case 'S' -> Field.number(t.getSecond(), 2, '0');
			case 'u' -> Field.number(t.getDayOfWeek().getValue(), 1, '0');
			case 'w' -> Field.number(t.getDayOfWeek().getValue() % 7, 1, '0');
			case 'U' -> Field.number((t.getDayOfYear() - 1 + 7 - t.getDayOfWeek().getValue() % 7) / 7, 2, '0');
			case 'W' -> Field.number((t.getDayOfYear() - 1 + 7 - (t.getDayOfWeek().getValue() + 6) % 7) / 7, 2, '0');
			case 'V' -> Field.number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0');
			case 's' -> Field.number(t.atZone(ZoneId.systemDefault()).toEpochSecond(), 1, '0');
			default -> null;
		};
	}

	private static int twelveHour(LocalDateTime t) {
		int hour = t.getHour() % 12;
		return (hour == 0) ? 12 : hour;
	}

	/** A directive's value: text, or a number with its default width and fill. */
	private record Field(String text, boolean numeric, int width, char fill) {

		static Field text(String text) {
			return new Field(text, false, 0, ' ');
		}

		static Field number(long value, int width, char fill) {
			return new Field(Long.toString(value), true, width, fill);
		}

	}

}
