package cn.needsloop.field;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The care tags (关爱对象标签) a household may carry, in the words stewards write in their sheets. The decision
 * table {@code visitFrequency.dmn} reads them as they are; a tag not listed here is refused on import.
 */
public final class CareTags {

	public static final List<String> KNOWN = List.of("独居老人", "特困", "残疾", "留守儿童", "空巢", "低保", "军属");

	private CareTags() {
	}

	/**
	 * The tags of a cell or a form field, separated by 、 , ， ; ； or spaces, each once, in the order of {@link #KNOWN}.
	 * Unknown tags are returned in {@code unknown}.
	 */
	public static List<String> parse(String text, Collection<String> unknown) {
		Set<String> found = new LinkedHashSet<>();
		if (text != null) {
			for (String part : text.split("[、,，;；\\s]+")) {
				String tag = part.strip();
				if (tag.isEmpty()) {
					continue;
				}
				if (KNOWN.contains(tag)) {
					found.add(tag);
				}
				else {
					unknown.add(tag);
				}
			}
		}
		List<String> ordered = new ArrayList<>(KNOWN);
		ordered.retainAll(found);
		return ordered;
	}

	public static String format(Collection<String> tags) {
		return String.join("、", tags);
	}

	public static List<String> of(String stored) {
		return parse(stored, new ArrayList<>());
	}
}
