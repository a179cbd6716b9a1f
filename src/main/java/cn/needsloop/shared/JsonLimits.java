package cn.needsloop.shared;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How much JSON the application reads from anyone: nesting depth, text and number lengths, document size. The
 * same bounds apply to the JSON API (Spring's {@code ObjectMapper}, {@code InputConfig}), to the engine's
 * JSON variables (Camunda Spin's Jackson and the variables written, {@code cn.needsloop.process.EngineHardening})
 * and to the bodies {@code /engine-rest} and the Camunda webapps read ({@code EngineRestInputFilter}), so that
 * nothing accepted at the door fails to read later: a JSON variable 20,000 levels deep, once stored, made every
 * read of its process instance fail. Nothing the application or Camunda's apps send comes near these bounds
 * (their bodies nest four or five levels deep).
 */
public final class JsonLimits {

	/** Deepest nesting of objects and arrays. */
	public static final int MAX_DEPTH = 32;

	/** Longest text value, in characters: a revised decision table in a JSON body is the longest legitimate one. */
	public static final int MAX_STRING_LENGTH = 2_000_000;

	/** Longest number, in characters. */
	public static final int MAX_NUMBER_LENGTH = 100;

	/** Longest property name, in characters. */
	public static final int MAX_NAME_LENGTH = 1_000;

	/** Longest document (the request body limits of {@code RequestBodyLimitFilter} are lower). */
	public static final long MAX_DOCUMENT_LENGTH = 5_000_000;

	/** The bounds as Jackson enforces them while parsing. */
	public static final StreamReadConstraints READ = StreamReadConstraints.builder()
		.maxNestingDepth(MAX_DEPTH)
		.maxStringLength(MAX_STRING_LENGTH)
		.maxNumberLength(MAX_NUMBER_LENGTH)
		.maxNameLength(MAX_NAME_LENGTH)
		.maxDocumentLength(MAX_DOCUMENT_LENGTH)
		.build();

	/** A parser with the bounds that also refuses a property given twice and anything after the JSON value. */
	public static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(READ).build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonLimits() {
	}

	/**
	 * Reads a JSON text through without keeping it and fails when it is not one JSON value within the bounds.
	 * @throws IOException saying what is wrong
	 */
	public static void check(String json) throws IOException {
		try (JsonParser parser = STRICT.getFactory().createParser(json)) {
			int values = 0;
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				JsonStreamContext context = parser.getParsingContext();
				boolean atRoot = token.isStructStart() ? context.getParent() != null && context.getParent().inRoot()
						: context.inRoot();
				if (atRoot && (token.isStructStart() || token.isScalarValue()) && ++values > 1) {
					throw new IOException("more than one JSON value");
				}
			}
			if (values == 0) {
				throw new IOException("no JSON value");
			}
		}
	}
}
