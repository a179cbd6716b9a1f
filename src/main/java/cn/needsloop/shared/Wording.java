package cn.needsloop.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Something a person will read, kept as a message key and its arguments rather than as text, so that each
 * reader sees it in their own language however long ago it was written (a need's history is read for years,
 * by a steward in Chinese and a visitor in English). An argument is a plain value (a number, a title a
 * person typed) or another wording (a step's name); {@code fallback} is the text to show if the key is ever
 * missing (a step's name as its model gives it).
 *
 * Stored as a small JSON document ({@link #toJson()}, {@link #fromJson(String)}).
 */
public record Wording(String key, List<Object> args, String fallback) {

	private static final ObjectMapper JSON = new ObjectMapper();

	public Wording {
		// kept as JSON: numbers, texts and wordings as they are, anything else (a time) as its text
		args = args == null ? List.of()
				: args.stream()
					.map(a -> a == null ? "" : a instanceof Wording || a instanceof Number || a instanceof String ? a : a.toString())
					.toList();
	}

	/** A message with arguments (plain values or wordings). */
	public static Wording of(String key, Object... args) {
		return new Wording(key, java.util.Arrays.asList(args), null);
	}

	/** The name of a step ({@code step.name.<BPMN id>}), or the model's own name if the messages lack it. */
	public static Wording step(String taskDefinitionKey, String modelName) {
		return new Wording("step.name." + taskDefinitionKey, List.of(), modelName);
	}

	/** The text in a language. */
	public String render(MessageSource messages, Locale locale) {
		// numbers as plain text: MessageFormat would group a case number 1234 as "1,234"
		Object[] resolved = args.stream()
			.map(a -> a instanceof Wording w ? w.render(messages, locale) : a instanceof Number n ? n.toString() : a)
			.toArray();
		String defaultText = fallback != null ? fallback : key;
		return messages.getMessage(key, resolved, defaultText, locale);
	}

	public String toJson() {
		try {
			return JSON.writeValueAsString(toMap());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("k", key);
		if (!args.isEmpty()) {
			map.put("a", args.stream().map(a -> a instanceof Wording w ? w.toMap() : a).toList());
		}
		if (fallback != null) {
			map.put("f", fallback);
		}
		return map;
	}

	/** The wording stored by {@link #toJson()}; null for null. */
	public static Wording fromJson(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			return fromMap(JSON.readValue(json, new TypeReference<Map<String, Object>>() {
			}));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("not a stored wording: " + json, ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Wording fromMap(Map<String, Object> map) {
		List<Object> args = new ArrayList<>();
		for (Object a : (List<Object>) map.getOrDefault("a", List.of())) {
			args.add(a instanceof Map<?, ?> nested ? fromMap((Map<String, Object>) nested) : a);
		}
		return new Wording((String) map.get("k"), args, (String) map.get("f"));
	}
}
