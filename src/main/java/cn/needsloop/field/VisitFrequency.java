package cn.needsloop.field;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.needsloop.process.DecisionTables;

/**
 * How often and how a household is visited, by its care tags: {@code visitFrequency.dmn} (独居老人 weekly at
 * home, 空巢 every two weeks by phone, …, a household with no tag once a quarter).
 */
@Component
public class VisitFrequency {

	public static final String DECISION = "visitFrequency";

	/** Every {@code intervalDays} days, at home or by phone. */
	public record Frequency(int intervalDays, VisitKind kind) {
	}

	private final DecisionTables decisions;

	VisitFrequency(DecisionTables decisions) {
		this.decisions = decisions;
	}

	public Frequency of(List<String> careTags) {
		Map<String, Object> input = new HashMap<>();
		input.put("careTags", List.copyOf(careTags));
		Map<String, Object> result = decisions.evaluate(DECISION, input).result();
		return new Frequency(((Number) result.get("intervalDays")).intValue(),
				VisitKind.valueOf((String) result.get("visitKind")));
	}

	/** For a sheet of many households: each distinct set of tags decided once. */
	public java.util.function.Function<List<String>, Frequency> cached() {
		Map<List<String>, Frequency> known = new HashMap<>();
		return tags -> known.computeIfAbsent(List.copyOf(tags), this::of);
	}
}
