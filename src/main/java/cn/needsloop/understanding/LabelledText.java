package cn.needsloop.understanding;

import java.util.Objects;

/**
 * One labelled need text: its category and whether it is urgent ({@code URGENT} or {@code NORMAL}). Labels are the
 * names of the app's category and urgency enums, kept as strings so that this package depends on no other.
 */
public record LabelledText(String category, String urgency, String text) {

	public static final String URGENT = "URGENT";

	public static final String NORMAL = "NORMAL";

	public LabelledText {
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(text, "text");
		urgency = URGENT.equals(urgency) ? URGENT : NORMAL;
	}

	public boolean urgent() {
		return URGENT.equals(urgency);
	}
}
