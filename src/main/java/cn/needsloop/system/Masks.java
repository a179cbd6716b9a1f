package cn.needsloop.system;

/**
 * How personal data reads to someone who may not see it in full: a phone number keeps its first three
 * and last four digits ({@code 138****0001}), a name its first character ({@code 刘**}). Neither tells
 * the length of what it hides. Masking what is masked already changes nothing.
 */
public final class Masks {

	private static final String HIDDEN = "****";

	private Masks() {
	}

	/**
	 * {@code 13800000001} → {@code 138****0001}, {@code +86 138 0000 0001} as well; a short number keeps its last
	 * two digits.
	 */
	public static String phone(String phone) {
		if (phone == null || phone.isBlank() || phone.contains("*")) {
			return phone;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.length() > 11 && digits.startsWith("86")) {
			digits = digits.substring(2);
		}
		if (digits.length() >= 8) {
			return digits.substring(0, 3) + HIDDEN + digits.substring(digits.length() - 4);
		}
		return HIDDEN + (digits.length() > 4 ? digits.substring(digits.length() - 2) : "");
	}

	/** {@code 刘秀英} → {@code 刘**}. */
	public static String name(String name) {
		if (name == null || name.isBlank()) {
			return name;
		}
		String stripped = name.strip();
		return new String(Character.toChars(stripped.codePointAt(0))) + "**";
	}
}
