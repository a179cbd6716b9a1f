package cn.needsloop.system;

import cn.needsloop.shared.JsonLimits;
import cn.needsloop.shared.ProblemException;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.Set;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the API and the pages read from a request. JSON bodies: within {@link JsonLimits} (nesting, lengths), a
 * property given twice or anything after the JSON value refused (which of two values counts would be a guess),
 * and no text with characters {@link TextPolicy} refuses. Request parameters and form fields: no text
 * {@link TextPolicy} refuses either. Each is a 400 naming the field ({@link ApiExceptionHandler}) or, on a page,
 * the form again with the reason ({@link PageExceptionHandler}). Body sizes: {@link RequestBodyLimitFilter}.
 */
@Configuration(proxyBeanMethods = false)
class InputConfig implements WebMvcConfigurer {

	private final TextColumns columns;

	InputConfig(TextColumns columns) {
		this.columns = columns;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new TextParameterInterceptor(columns));
	}

	/**
	 * Tomcat's own limits, in line with {@link RequestBodyLimitFilter}: a form post is parsed up to 1 MB; of a
	 * refused body Tomcat still reads up to 2 MB before it closes the connection (so a client that sent a body
	 * somewhat too large reads its 413).
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatBodyLimits() {
		return factory -> factory.addConnectorCustomizers(connector -> {
			connector.setMaxPostSize((int) RequestBodyLimitFilter.DEFAULT_LIMIT);
			if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
				http.setMaxSwallowSize(2 * 1024 * 1024);
			}
		});
	}

	/**
	 * Uploads: a file of at most 16 MB in a request of at most 32 MB (evidence photos, checked against
	 * {@code needsloop.evidence.max-size} one by one); each endpoint's own limit is {@link RequestBodyLimitFilter}'s
	 * (the admission list's page: 3 MB), and a revised list longer than {@code DecisionTables.MAX_REVISION_CHARS} is
	 * refused with that reason on the page.
	 */
	@Bean
	MultipartConfigElement multipartLimits() {
		MultipartConfigFactory factory = new MultipartConfigFactory();
		factory.setMaxFileSize(DataSize.ofMegabytes(16));
		factory.setMaxRequestSize(DataSize.ofBytes(RequestBodyLimitFilter.EVIDENCE_UPLOAD_LIMIT));
		return factory.createMultipartConfig();
	}

	@Bean
	Jackson2ObjectMapperBuilderCustomizer boundedJsonInput() {
		return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
				DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(JsonLimits.READ));
	}

	@Bean
	Module plainTextModule() {
		SimpleModule module = new SimpleModule("needs-loop-plain-text").addDeserializer(String.class,
				new PlainTextDeserializer(columns));
		module.setDeserializerModifier(new BeanDeserializerModifier() {

			@Override
			public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
					JsonDeserializer<?> deserializer) {
				return Temporal.class.isAssignableFrom(description.getBeanClass()) ? new BoundedDate(deserializer)
						: deserializer;
			}
		});
		return module;
	}

	/** Dates in request parameters and form fields ({@code @DateTimeFormat}) within {@link DateBounds}. */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldAnnotation(new BoundedDateTimeFormat());
	}

	/** Reads text as Jackson does and refuses what {@link TextPolicy} refuses. */
	static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

		private final transient TextColumns columns;

		PlainTextDeserializer(TextColumns columns) {
			super(String.class);
			this.columns = columns;
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String text = StringDeserializer.instance.deserialize(parser, context);
			TextPolicy.Refusal refusal = columns.refusal(text);
			if (refusal != null) {
				throw new RefusedCharacterException(parser, refusal);
			}
			return text;
		}
	}

	/** A date or time read from JSON as Jackson reads it, refused outside {@link DateBounds}. */
	static final class BoundedDate extends DelegatingDeserializer {

		BoundedDate(JsonDeserializer<?> deserializer) {
			super(deserializer);
		}

		@Override
		protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> deserializer) {
			return new BoundedDate(deserializer);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			Object value = super.deserialize(parser, context);
			if (!DateBounds.within(value)) {
				throw InvalidFormatException.from(parser, "outside " + DateBounds.EARLIEST + " to " + DateBounds.LATEST,
						parser.getText(), handledType());
			}
			return value;
		}
	}

	/** Spring's ISO and pattern date formats, with parsed values outside {@link DateBounds} refused. */
	static final class BoundedDateTimeFormat implements AnnotationFormatterFactory<DateTimeFormat> {

		private final Jsr310DateTimeFormatAnnotationFormatterFactory formats = new Jsr310DateTimeFormatAnnotationFormatterFactory();

		@Override
		public Set<Class<?>> getFieldTypes() {
			return formats.getFieldTypes();
		}

		@Override
		public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
			return formats.getPrinter(annotation, fieldType);
		}

		@Override
		public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
			Parser<?> parser = formats.getParser(annotation, fieldType);
			return (text, locale) -> {
				Object value = parser.parse(text, locale);
				if (!DateBounds.within(value)) {
					throw new java.text.ParseException(text + " is outside " + DateBounds.EARLIEST + " to " + DateBounds.LATEST, 0);
				}
				return value;
			};
		}
	}

	/** Refuses a request parameter (query or form field) holding a character {@link TextPolicy} refuses. */
	static final class TextParameterInterceptor implements HandlerInterceptor {

		private final TextColumns columns;

		TextParameterInterceptor(TextColumns columns) {
			this.columns = columns;
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				String field = TextPolicy.refusal(parameter.getKey(), true) == null ? parameter.getKey() : "parameter";
				check(field, parameter.getKey());
				for (String value : parameter.getValue()) {
					check(field, value);
				}
			}
			return true;
		}

		private void check(String field, String text) {
			TextPolicy.Refusal refusal = columns.refusal(text);
			if (refusal != null) {
				throw ProblemException.badField(field, refusal.messageKey(), refusal.character());
			}
		}
	}

	/** A text value holding a character {@link TextPolicy} refuses, with the reason. */
	static final class RefusedCharacterException extends MismatchedInputException {

		private final transient TextPolicy.Refusal refusal;

		RefusedCharacterException(JsonParser parser, TextPolicy.Refusal refusal) {
			super(parser, "text with the refused character " + refusal.character(), String.class);
			this.refusal = refusal;
		}

		TextPolicy.Refusal refusal() {
			return refusal;
		}
	}
}
