package cn.needsloop.shared;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A domain error the API reports as an RFC 9457 problem. The message is a key in
 * {@code messages*.properties}, so the person reading it gets it in their language.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final transient Object[] args;

	private final List<FieldProblem> fieldProblems;

	public ProblemException(HttpStatus status, String messageKey, Object... args) {
		this(status, messageKey, List.of(), args);
	}

	public ProblemException(HttpStatus status, String messageKey, List<FieldProblem> fieldProblems, Object... args) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.args = args;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	public static ProblemException notFound(String what, Object id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "problem.notFound." + what, id);
	}

	public static ProblemException forbidden() {
		return new ProblemException(HttpStatus.FORBIDDEN, "problem.forbidden");
	}

	public static ProblemException forbidden(String messageKey, Object... args) {
		return new ProblemException(HttpStatus.FORBIDDEN, messageKey, args);
	}

	public static ProblemException conflict(String messageKey, Object... args) {
		return new ProblemException(HttpStatus.CONFLICT, messageKey, args);
	}

	/** Bad input in one field; the message key explains the rule. */
	public static ProblemException badField(String field, String messageKey, Object... args) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "problem.invalid",
				List.of(new FieldProblem(field, messageKey, args)));
	}

	/**
	 * A code value as its name in the reader's language ({@code enum.<Type>.<NAME>} in the messages), for use
	 * as a message argument: "不具备“养老助餐”类项目的承接资质", not "…“ELDERLY_CARE”…". The code itself
	 * is the fallback.
	 */
	public static MessageSourceResolvable label(Enum<?> value) {
		return new DefaultMessageSourceResolvable(
				new String[] { "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name() }, value.name());
	}

	/** The problem behind an exception, if any cause in its chain is one. */
	public static ProblemException find(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ProblemException problem) {
				return problem;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	public List<FieldProblem> fieldProblems() {
		return fieldProblems;
	}

	/** One bad field with the key of the message that explains it. */
	public record FieldProblem(String field, String messageKey, Object... args) {
	}
}
