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
 * Everything else is text: Chinese, zero-width joiners and spaces, markup and quotes, which the pages escape and
 * the database keeps as data; and emoji and other characters beyond the Basic Multilingual Plane (four bytes in
 * UTF-8) where the database keeps them: on H2, and on MySQL/MariaDB only when every text column is
 * {@code utf8mb4} ({@link TextColumns}; the engine creates its own tables in {@code utf8}, which cannot), so
 * that such a character is refused at the door with a 400 rather than failing in the database with a 500.
 * Checked for JSON bodies and request parameters ({@link InputConfig}) and engine REST bodies
 * ({@link EngineRestInputFilter}).
 */
public final class TextPolicy {

	/** Why a text is refused: the message key, and the character as people can read it ({@code U+202E}). */
	public record Refusal(String messageKey, String character) {
	}

	private TextPolicy() {
	}

	/**
	 * Why the text may not be kept, or null when it may.
	 * @param fourByteCharacters whether the database keeps characters beyond the Basic Multilingual Plane
	 */
	public static Refusal refusal(CharSequence text, boolean fourByteCharacters) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					if (!fourByteCharacters) {
						return new Refusal("problem.field.fourByteCharacter",
								codePoint(Character.toCodePoint(c, text.charAt(i + 1))));
					}
					i++;
					continue;
				}
				return new Refusal("problem.field.refusedCharacter", codePoint(c));
			}
			if (Character.isLowSurrogate(c) || refused(c)) {
				return new Refusal("problem.field.refusedCharacter", codePoint(c));
			}
		}
		return null;
	}

	private static boolean refused(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
				|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFFFE || c == 0xFFFF;
	}

	private static String codePoint(int codePoint) {
		return String.format(Locale.ROOT, "U+%04X", codePoint);
	}
}
