package cn.needsloop.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a configured administrator password must be, because the first administrator of a district
 * installation comes from an environment variable and nobody else looks at it: at least
 * {@value #MIN_LENGTH} characters, three kinds of character (lower case, upper case, digits, letters
 * without case such as Chinese characters, other characters), at least {@value #MIN_DISTINCT} different
 * characters, not containing the user id, and not a well-known or demo password with digits or
 * symbols around it ({@code Password123!}, {@code demo-demo-demo}). The weaknesses are described in
 * English for the start-up log; an empty list means the password is accepted.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	static final int MIN_DISTINCT = 6;

	static final int MIN_KINDS = 3;

	/** The words well-known passwords are made of, lower case: the demo's, the products', the lists'. */
	private static final Set<String> COMMON = Set.of("demo", "password", "passwort", "passw", "pass", "pwd", "admin",
			"administrator", "root", "camunda", "needsloop", "needs", "loop", "qwerty", "qwertz", "azerty", "qwertyuiop",
			"asdf", "asdfgh", "zxcvbn", "letmein", "welcome", "changeme", "change", "me", "secret", "test", "guest", "user",
			"login", "default", "iloveyou", "monkey", "dragon", "master", "abc", "abcd", "abcdef", "abcdefg", "abcdefgh",
			"abcdefghijkl", "mysql", "sa", "manager", "steward", "resident");

	private PasswordPolicy() {
	}

	/** Why the password is refused for the user; empty when it is accepted. */
	public static List<String> weaknesses(String userId, String password) {
		List<String> weaknesses = new ArrayList<>();
		if (password == null || password.isBlank()) {
			weaknesses.add("it is empty");
			return weaknesses;
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			weaknesses.add("it has " + length + " characters, at least " + MIN_LENGTH + " are needed");
		}
		if (kinds(password) < MIN_KINDS) {
			weaknesses.add("it uses fewer than " + MIN_KINDS
					+ " kinds of character (lower case, upper case, digits, Chinese characters, others)");
		}
		if (password.codePoints().distinct().count() < MIN_DISTINCT) {
			weaknesses.add("it has fewer than " + MIN_DISTINCT + " different characters");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (userId != null && !userId.isBlank() && lower.contains(userId.toLowerCase(Locale.ROOT))) {
			weaknesses.add("it contains the user id");
		}
		if (isCommon(lower)) {
			weaknesses.add("it is a well-known or demo password");
		}
		return weaknesses;
	}

	private static int kinds(String password) {
		boolean lower = password.codePoints().anyMatch(Character::isLowerCase);
		boolean upper = password.codePoints().anyMatch(Character::isUpperCase);
		boolean digit = password.codePoints().anyMatch(Character::isDigit);
		boolean caseless = password.codePoints()
			.anyMatch(c -> Character.isLetter(c) && !Character.isLowerCase(c) && !Character.isUpperCase(c));
		boolean other = password.codePoints().anyMatch(c -> !Character.isLetter(c) && !Character.isDigit(c));
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (caseless ? 1 : 0) + (other ? 1 : 0);
	}

	/**
	 * Made only of well-known words (and digits, symbols, spaces): the letters split at every
	 * non-letter, each part a common word or a repetition of one ({@code demodemo}).
	 */
	private static boolean isCommon(String lower) {
		String[] parts = lower.split("[^\\p{L}]+");
		boolean anyWord = false;
		for (String part : parts) {
			if (part.isEmpty()) {
				continue;
			}
			anyWord = true;
			if (!COMMON.contains(part) && !repeatsCommonWord(part)) {
				return false;
			}
		}
		// only digits and symbols (123456789!@#) is as guessable as a word
		return anyWord || lower.chars().allMatch(c -> Character.isDigit(c) || !Character.isLetter(c));
	}

	private static boolean repeatsCommonWord(String part) {
		for (String word : COMMON) {
			if (part.length() % word.length() == 0 && word.repeat(part.length() / word.length()).equals(part)) {
				return true;
			}
		}
		return false;
	}
}
