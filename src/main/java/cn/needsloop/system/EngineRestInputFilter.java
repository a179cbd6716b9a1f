package cn.needsloop.system;

import cn.needsloop.shared.JsonLimits;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.process.EngineHardening;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON bodies of the engine's REST API ({@code /engine-rest}) and of Camunda's webapps ({@code /camunda/api},
 * which Tasklist completes tasks through), read before Jersey and the engine see them: one JSON value within
 * {@link JsonLimits}, no text {@link TextPolicy} refuses, and every variable value that is itself JSON
 * ({@code "type": "Json"} or {@code "Object"}) within the same bounds, as JSON, of a type the engine may
 * deserialize ({@link EngineHardening#mayDeserialize}). A JSON variable nested 20,000 levels deep, stored, made
 * every later read of its process instance fail; it is refused here, and by the engine's own serializers
 * behind it. Anything else is a 400 in Camunda's error format ({@code type}, {@code message}), in the caller's
 * language.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class EngineRestInputFilter extends OncePerRequestFilter {

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final ObjectMapper json;

	private final TextColumns columns;

	EngineRestInputFilter(MessageSource messages, LocaleResolver locales, ObjectMapper json, TextColumns columns) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
		this.columns = columns;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/engine-rest/") && !path.startsWith("/camunda/api/")) {
			return true;
		}
		String type = request.getContentType();
		if (type == null) {
			return true;
		}
		try {
			MediaType media = MediaType.parseMediaType(type);
			return !(MediaType.APPLICATION_JSON.isCompatibleWith(media) || media.getSubtype().endsWith("+json"));
		}
		catch (org.springframework.util.InvalidMimeTypeException ex) {
			return true;
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Locale locale = RequestBodyLimitFilter.localeOf(request, locales);
		byte[] body;
		try {
			body = request.getInputStream().readAllBytes();
		}
		catch (RequestBodyLimitFilter.TooLargeException ex) {
			writeCamundaError(response, HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage(ex.messageKey(), ex.args(), locale),
					json);
			return;
		}
		if (body.length > 0) {
			String refused = refusal(body, locale);
			if (refused != null) {
				writeCamundaError(response, HttpStatus.BAD_REQUEST, refused, json);
				return;
			}
		}
		chain.doFilter(new KeptBody(request, body), response);
	}

	/** Why a body is refused, in the caller's language, or null when it may go on. */
	private String refusal(byte[] body, Locale locale) {
		JsonNode tree;
		try {
			tree = JsonLimits.STRICT.readTree(body);
		}
		catch (StreamConstraintsException ex) {
			return messages.getMessage("problem.body.bounds", new Object[] { JsonLimits.MAX_DEPTH }, locale);
		}
		catch (IOException ex) {
			return messages.getMessage("problem.body.unreadable", null, locale);
		}
		return refusal(tree, "", locale);
	}

	private String refusal(JsonNode node, String path, Locale locale) {
		if (node.isTextual()) {
			TextPolicy.Refusal refusal = columns.refusal(node.textValue());
			return refusal == null ? null : messages.getMessage("problem.field.labelled", new Object[] {
					path.isEmpty() ? "body" : path,
					messages.getMessage(refusal.messageKey(), new Object[] { refusal.character() }, locale) }, locale);
		}
		if (node.isObject()) {
			String variable = variableRefusal(node, locale);
			if (variable != null) {
				return messages.getMessage("problem.field.labelled", new Object[] { path.isEmpty() ? "body" : path, variable },
						locale);
			}
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.isObject() ? node.fields() : null;
		if (fields != null) {
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
				TextPolicy.Refusal refusal = columns.refusal(field.getKey());
				if (refusal != null) {
					return messages.getMessage(refusal.messageKey(), new Object[] { refusal.character() }, locale);
				}
				String refused = refusal(field.getValue(), name, locale);
				if (refused != null) {
					return refused;
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String refused = refusal(node.get(i), path + "[" + i + "]", locale);
				if (refused != null) {
					return refused;
				}
			}
		}
		return null;
	}

	/**
	 * A variable as the engine's REST API takes it ({@code value}, {@code type}, {@code valueInfo}) whose value is
	 * JSON or XML the engine would store as it is and read back later: refused unless it is one JSON value within
	 * the bounds, of a type the engine may deserialize. Null when the node is no such variable or it may be kept.
	 */
	private String variableRefusal(JsonNode node, Locale locale) {
		JsonNode type = node.get("type");
		JsonNode value = node.get("value");
		if (type == null || !type.isTextual() || value == null || !value.isTextual()) {
			return null;
		}
		String kind = type.textValue().toLowerCase(Locale.ROOT);
		if (!kind.equals("json") && !kind.equals("object") && !kind.equals("xml")) {
			return null;
		}
		JsonNode info = node.path("valueInfo");
		String format = info.path("serializationDataFormat").asText("application/json");
		if (kind.equals("xml") || !format.equals("application/json")) {
			return messages.getMessage("problem.variable.format", new Object[] { kind.equals("xml") ? "application/xml" : format },
					locale);
		}
		try {
			JsonLimits.check(value.textValue());
		}
		catch (StreamConstraintsException ex) {
			return messages.getMessage("problem.variable.tooDeep", new Object[] { JsonLimits.MAX_DEPTH }, locale);
		}
		catch (IOException ex) {
			return messages.getMessage("problem.variable.notJson", null, locale);
		}
		String typeName = info.path("objectTypeName").asText(null);
		if (kind.equals("object") && typeName != null && !EngineHardening.mayDeserialize(typeName)) {
			return messages.getMessage("problem.variable.type", new Object[] { typeName }, locale);
		}
		return null;
	}

	/** An error as {@code /engine-rest} answers its own: {@code {"type": ..., "message": ..., "code": null}}. */
	static void writeCamundaError(HttpServletResponse response, HttpStatus status, String message, ObjectMapper json)
			throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("type", "InvalidRequestException");
		error.put("message", message);
		error.put("code", null);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), error);
	}
}
