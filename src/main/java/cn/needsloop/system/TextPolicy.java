package cn.needsloop.system;

import java.util.Locale;

/**
 * The characters no text typed by a person may hold, whatever the field: they are invisible or change how the
 * text around them reads, and no one types them on purpose.
 * <ul>
 * <li>control characters (NUL and the other C0 and C1 controls, DEL), except tab, line feed and carriage return;</li>
 * <li>bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069), which make text read
 * differently from how it is stored ("Trojan Source");</li>
 * <li>a surrogate that is not half of a pair (a broken character, e.g. {@code "\uD800"} in JSON), which no
 * database column can keep;</li>
 * <li>the non-characters U+FFFE and U+FFFF.</li>
 * </ul>
 * Everything else is text: Chinese, emoji (four bytes in UTF-8; the MySQL columns are utf8mb4), zero-width
 * joiners (emoji sequences need them) and spaces, markup and quotes, which the pages escape and the database
 * keeps as data. Checked for JSON bodies ({@link InputConfig}), request parameters and form fields
 * ({@link InputConfig}) and engine REST bodies ({@link EngineRestInputFilter}).
 */
public final class TextPolicy {

	private TextPolicy() {
	}

	/** The index of the first refused character, or -1 when the text may be kept. */
	public static int firstRefused(CharSequence text) {
		if (text == null) {
			return -1;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c) || refused(c)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean refused(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
				|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFFFE || c == 0xFFFF;
	}

	/** The refused character at {@code index} as people can read it: {@code U+202E}. */
	public static String describe(CharSequence text, int index) {
		return String.format(Locale.ROOT, "U+%04X", (int) text.charAt(index));
	}
}
