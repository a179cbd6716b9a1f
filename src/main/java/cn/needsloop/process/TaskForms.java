package cn.needsloop.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.ProblemException.FieldProblem;

/**
 * The Camunda Forms of the user tasks ({@code forms/*.form}), read once: for each form the fields a person fills
 * in, with the rules the form states (required, lengths, bounds, the choices of a select or radio group). A task is
 * completed from outside the application (Tasklist, {@code /engine-rest}) with exactly these fields, checked by
 * these rules ({@link #check}); the step itself then checks what it checks through the API as well.
 */
@Component
public class TaskForms {

	/**
	 * Variables that say which case a process is about, or how it was routed: never set by a person, whatever the
	 * form (a form field of the same name is still the only way, and no form has one editable but category and
	 * organizationCode, which their own steps decide).
	 */
	static final Set<String> PROTECTED = Set.of(Workflow.Var.NEED_ID, Workflow.Var.NEED_IDS, Workflow.Var.PROJECT_ID,
			Workflow.Var.COMMUNITY_CODE, Workflow.Var.ROUND, Workflow.Var.EVALUATION_ROUND, Workflow.Var.RATED_NEED_ID,
			Workflow.Var.IMPLEMENTER_USER, Workflow.Var.DISPATCH_ID, Workflow.Var.REGISTRATION_ID, Workflow.Var.LINE,
			Workflow.Var.PHASE, Workflow.Var.CONSULTATION_ID, Workflow.Var.MILESTONE_INDEX, Workflow.Var.MILESTONE_INDEXES,
			Workflow.Var.ESCALATED_TASK_ID, "certificateId", "workItemId", Workflow.Var.CATEGORY);

	/** One field of a form. */
	record Field(String key, String label, String type, boolean readOnly, boolean required, Integer minLength,
			Integer maxLength, BigDecimal min, BigDecimal max, List<String> choices) {
	}

	private final Map<String, Map<String, Field>> forms = new HashMap<>();

	TaskForms() {
		ObjectMapper json = new ObjectMapper();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
				try (InputStream in = resource.getInputStream()) {
					JsonNode form = json.readTree(in);
					Map<String, Field> fields = new LinkedHashMap<>();
					collect(form.path("components"), fields);
					forms.put(form.path("id").asText(), fields);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void collect(JsonNode components, Map<String, Field> fields) {
		for (JsonNode c : components) {
			if (c.has("components")) {
				collect(c.path("components"), fields);
			}
			if (!c.hasNonNull("key")) {
				continue;
			}
			JsonNode validate = c.path("validate");
			List<String> choices = new ArrayList<>();
			c.path("values").forEach(v -> choices.add(v.path("value").asText()));
			fields.put(c.path("key").asText(),
					new Field(c.path("key").asText(), c.path("label").asText(c.path("key").asText()), c.path("type").asText(),
							c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
							validate.path("required").asBoolean(false) && !c.has("conditional"),
							validate.hasNonNull("minLength") ? validate.path("minLength").asInt() : null,
							validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
							validate.hasNonNull("min") ? validate.path("min").decimalValue() : null,
							validate.hasNonNull("max") ? validate.path("max").decimalValue() : null,
							List.copyOf(choices)));
		}
	}

	Optional<Map<String, Field>> fields(String formId) {
		return Optional.ofNullable(forms.get(formId));
	}

	/**
	 * Refuses a completion whose variables are not exactly fields of the form, or break its rules: a variable no
	 * field has (400), a protected one (403), a read-only field changed (400), a missing required field, a text too
	 * long or short, a number out of bounds, a choice not offered (400, each field named by its label on the form, or
	 * by its key for a reader of English). {@code current} reads a variable's value now.
	 */
	void check(String formId, Map<String, Object> submitted, java.util.function.Function<String, Object> current,
			Locale locale) {
		Map<String, Field> fields = forms.getOrDefault(formId, Map.of());
		boolean chinese = locale != null && "zh".equals(locale.getLanguage());
		List<FieldProblem> problems = new ArrayList<>();
		for (Map.Entry<String, Object> entry : submitted.entrySet()) {
			String key = entry.getKey();
			Field field = fields.get(key);
			if (field == null || field.readOnly() && !same(entry.getValue(), current.apply(key))) {
				if (PROTECTED.contains(key) && (field == null || field.readOnly())) {
					throw ProblemException.forbidden("problem.engine.protectedVariable", key);
				}
				if (field == null) {
					throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "problem.engine.notOnForm", key);
				}
				problems.add(new FieldProblem(name(field, chinese), "problem.engine.readOnlyField"));
			}
		}
		for (Field field : fields.values()) {
			if (field.readOnly()) {
				continue;
			}
			Object value = submitted.get(field.key());
			String problem = problem(field, value);
			if (problem != null) {
				Object arg = switch (problem) {
					case "problem.field.maxLength" -> field.maxLength();
					case "problem.field.minLength" -> field.minLength();
					case "problem.field.min" -> field.min().toPlainString();
					case "problem.field.max" -> field.max().toPlainString();
					default -> String.valueOf(value);
				};
				problems.add(new FieldProblem(name(field, chinese), problem, arg));
			}
		}
		if (!problems.isEmpty()) {
			throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "problem.invalid", problems);
		}
	}

	private static String name(Field field, boolean chinese) {
		return chinese ? field.label() : field.key();
	}

	/** The message key of what is wrong with a field's value, or null. */
	private static String problem(Field field, Object value) {
		boolean blank = value == null || value instanceof String text && text.isBlank();
		if (blank) {
			return field.required() ? "problem.field.required" : null;
		}
		switch (field.type()) {
			case "number" -> {
				BigDecimal number;
				try {
					number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
				}
				catch (NumberFormatException ex) {
					return "problem.field.badValue";
				}
				if (field.min() != null && number.compareTo(field.min()) < 0) {
					return "problem.field.min";
				}
				if (field.max() != null && number.compareTo(field.max()) > 0) {
					return "problem.field.max";
				}
				return null;
			}
			case "checkbox" -> {
				if (!(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
					return "problem.field.badValue";
				}
				return field.required() && !Boolean.parseBoolean(value.toString()) ? "problem.field.required" : null;
			}
			case "select", "radio" -> {
				return field.choices().isEmpty() || field.choices().contains(value.toString()) ? null : "problem.field.badValue";
			}
			default -> {
				if (!(value instanceof String text)) {
					return "problem.field.badValue";
				}
				if (field.maxLength() != null && text.length() > field.maxLength()) {
					return "problem.field.maxLength";
				}
				if (field.minLength() != null && text.strip().length() < field.minLength()) {
					return "problem.field.minLength";
				}
				return null;
			}
		}
	}

	private static boolean same(Object submitted, Object current) {
		if (submitted == null || current == null) {
			return submitted == current;
		}
		if (submitted instanceof Number a && current instanceof Number b) {
			return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
		}
		return submitted.toString().equals(current.toString());
	}
}
