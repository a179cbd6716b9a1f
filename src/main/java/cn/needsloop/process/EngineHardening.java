package cn.needsloop.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.runtime.DefaultDeserializationTypeValidator;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import cn.needsloop.shared.JsonLimits;

/**
 * The engine's switches, set to what this application uses and no more, so that no input (an uploaded decision
 * table, a variable, a query) can make the engine run code:
 * <ul>
 * <li><b>No scripts.</b> None of our models has a script (task, listener, condition, DMN expression), so no
 * script engine is resolved at all: a script in a model that gets deployed anyway fails instead of running. Script
 * caching, compilation, external script resources, script engines of a process application and auto-stored
 * script variables are off too.</li>
 * <li><b>Decision tables in FEEL only.</b> Every shipped table is FEEL; the default language of input
 * expressions, input entries, output entries and literal expressions is FEEL (explicitly, whatever
 * {@code dmnFeelEnableLegacyBehavior} would make it; legacy FEEL is off), and a table that names JUEL finds no
 * JUEL ({@code ${identityService...}} in an output would otherwise reach every Spring bean) and a table that
 * names a script language finds no script engine. FEEL's external (Java) functions are off in the engine as
 * shipped. Uploaded tables are checked before deployment ({@link DecisionRevisionCheck}); this is the second
 * wall.</li>
 * <li><b>JUEL only in our own models.</b> BPMN conditions, listeners and delegate expressions are JUEL and
 * need it; expressions in ad-hoc queries ({@code taskAssigneeExpression=${...}} in a REST query) stay
 * forbidden; stored queries keep them, because the Tasklist filters ({@code AccessBootstrap}) use
 * {@code ${currentUser()}} and only an administrator may store a filter.</li>
 * <li><b>Variables the engine reads back.</b> No Java serialization; JSON objects only of the types the engine's
 * default list allows (java.lang, the plain collections) and {@code java.math.BigDecimal} (a project's budget),
 * checked on reading and, here, on writing; a JSON or JSON-object variable given as text must be one JSON
 * value within {@link JsonLimits} when written (Spin reads it with the same bounds, {@link SpinJsonLimits}), so a
 * value the engine could not read back is never stored. XML external entities stay off.</li>
 * </ul>
 */
@Component
public class EngineHardening extends AbstractProcessEnginePlugin {

	/** Classes beyond the engine's default list that our JSON object variables hold. */
	static final String ALLOWED_CLASSES = "java.math.BigDecimal";

	private static final DeserializationTypeValidator TYPES = typeValidator();

	private static final Pattern TYPE_NAME_PARTS = Pattern.compile("[<>,\\[\\]\\s]+");

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setScriptEngineResolver(new NoScriptEngines());
		configuration.setEnableScriptEngineCaching(false);
		configuration.setEnableScriptCompilation(false);
		configuration.setEnableScriptEngineLoadExternalResources(false);
		configuration.setEnableFetchScriptEngineFromProcessApplication(false);
		configuration.setAutoStoreScriptVariables(false);

		configuration.setEnableExpressionsInAdhocQueries(false);
		configuration.setEnableExpressionsInStoredQueries(true);

		configuration.setDmnFeelEnableLegacyBehavior(false);
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
				? configuration.getDmnEngineConfiguration()
				: (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
		String feel = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
		dmn.setDefaultInputExpressionExpressionLanguage(feel);
		dmn.setDefaultInputEntryExpressionLanguage(feel);
		dmn.setDefaultOutputEntryExpressionLanguage(feel);
		dmn.setDefaultLiteralExpressionLanguage(feel);
		dmn.setElProvider(expression -> {
			throw new BadUserRequestException("Decision tables are evaluated in FEEL only; JUEL is not available");
		});
		dmn.setScriptEngineResolver(language -> null);
		// FEEL, with the answers of the tables' literal cells kept (LiteralTestCache: the cost of a step's tables)
		if (dmn.getFeelEngineFactory() == null) {
			dmn.setFeelEngineFactory(new LiteralTestCache(
					new ScalaFeelEngineFactory(configuration.getDmnFeelCustomFunctionProviders())));
		}
		configuration.setDmnEngineConfiguration(dmn);

		configuration.setJavaSerializationFormatEnabled(false);
		configuration.setDeserializationTypeValidationEnabled(true);
		configuration.setDeserializationAllowedClasses(ALLOWED_CLASSES);
		configuration.setEnableXxeProcessing(false);
	}

	/** Puts a guard in front of every serializer that stores JSON as text (Spin's, registered by its plugin). */
	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		VariableSerializers serializers = configuration.getVariableSerializers();
		for (TypedValueSerializer<?> serializer : new ArrayList<>(serializers.getSerializers())) {
			if (SerializationDataFormats.JSON.getName().equals(serializer.getSerializationDataformat())
					&& !(serializer instanceof JsonGuard<?>)) {
				int index = serializers.getSerializerIndex(serializer);
				serializers.removeSerializer(serializer);
				serializers.addSerializer(new JsonGuard<>(serializer), index);
			}
		}
	}

	/**
	 * Whether a JSON object variable of this type may be stored and read: each class its (generic) type name
	 * names is on the engine's allowed list. Read from the name alone; no class is loaded.
	 */
	public static boolean mayDeserialize(String typeName) {
		if (typeName == null || typeName.isBlank()) {
			return true;
		}
		for (String part : TYPE_NAME_PARTS.split(typeName.strip())) {
			if (!part.isEmpty() && !TYPES.validate(part)) {
				return false;
			}
		}
		return true;
	}

	private static DeserializationTypeValidator typeValidator() {
		DefaultDeserializationTypeValidator validator = new DefaultDeserializationTypeValidator();
		validator.setAllowedClasses(ALLOWED_CLASSES);
		return validator;
	}

	/** Resolves no script engine for any language. */
	static final class NoScriptEngines implements ScriptEngineResolver {

		@Override
		public void addScriptEngineFactory(ScriptEngineFactory factory) {
			// no script engines are used
		}

		@Override
		public ScriptEngineManager getScriptEngineManager() {
			return new ScriptEngineManager(null) {

				@Override
				public ScriptEngine getEngineByName(String shortName) {
					return null;
				}

				@Override
				public List<ScriptEngineFactory> getEngineFactories() {
					return List.of();
				}
			};
		}

		@Override
		public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
			return null;
		}
	}

	/**
	 * A serializer of JSON text that refuses, on writing, a value given as text (through the REST API, Tasklist or
	 * Cockpit) that is not one JSON value within {@link JsonLimits} or names a type the engine may not read back.
	 */
	static final class JsonGuard<T extends TypedValue> implements TypedValueSerializer<T> {

		private final TypedValueSerializer<T> serializer;

		JsonGuard(TypedValueSerializer<T> serializer) {
			this.serializer = serializer;
		}

		@Override
		public void writeValue(T value, ValueFields fields) {
			if (value instanceof SerializableValue serializable && !serializable.isDeserialized()
					&& serializable.getValueSerialized() != null) {
				try {
					JsonLimits.check(serializable.getValueSerialized());
				}
				catch (IOException ex) {
					throw new BadUserRequestException("Variable '" + fields.getName()
							+ "' is not one JSON value within the bounds of this application (at most "
							+ JsonLimits.MAX_DEPTH + " levels deep): " + ex.getMessage());
				}
			}
			if (value instanceof ObjectValue object && !mayDeserialize(object.getObjectTypeName())) {
				throw new BadUserRequestException("Variable '" + fields.getName() + "' has a type this application does not store: "
						+ object.getObjectTypeName());
			}
			serializer.writeValue(value, fields);
		}

		@Override
		public String getName() {
			return serializer.getName();
		}

		@Override
		public ValueType getType() {
			return serializer.getType();
		}

		@Override
		public T readValue(ValueFields fields, boolean deserializeValue, boolean isTransient) {
			return serializer.readValue(fields, deserializeValue, isTransient);
		}

		@Override
		public boolean canHandle(TypedValue value) {
			return serializer.canHandle(value);
		}

		@Override
		public T convertToTypedValue(UntypedValueImpl untypedValue) {
			return serializer.convertToTypedValue(untypedValue);
		}

		@Override
		public String getSerializationDataformat() {
			return serializer.getSerializationDataformat();
		}

		@Override
		public boolean isMutableValue(T typedValue) {
			return serializer.isMutableValue(typedValue);
		}
	}
}
