package cn.needsloop.process;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.needsloop.shared.ProblemException;

/** Typed reads of process variables, with a clear error when a form left one out. */
public final class Variables {

	private Variables() {
	}

	public static Long longValue(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		try {
			return Long.valueOf(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw ProblemException.badField(name, "problem.field.badValue", value);
		}
	}

	public static Integer intValue(VariableScope scope, String name) {
		Long value = longValue(scope, name);
		return value == null ? null : Math.toIntExact(value);
	}

	public static String string(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	public static String requiredString(VariableScope scope, String name) {
		String value = string(scope, name);
		if (value == null || value.isBlank()) {
			throw ProblemException.badField(name, "problem.field.required");
		}
		return value.trim();
	}

	public static <E extends Enum<E>> E requiredEnum(VariableScope scope, String name, Class<E> type) {
		String value = requiredString(scope, name);
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.badField(name, "problem.field.badValue", value);
		}
	}

	public static int requiredScore(VariableScope scope, String name) {
		Integer value = intValue(scope, name);
		if (value == null) {
			throw ProblemException.badField(name, "problem.field.required");
		}
		if (value < 1 || value > 5) {
			throw ProblemException.badField(name, "problem.field.score", value);
		}
		return value;
	}
}
