package cn.needsloop.process;

import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;

import cn.needsloop.shared.JsonLimits;

/**
 * Camunda Spin reads JSON variables with {@link JsonLimits}, the bounds everything else reads JSON with (found by
 * Spin through {@code META-INF/services/org.camunda.spin.spi.DataFormatConfigurator}). What {@link EngineHardening}
 * lets the engine store stays within them, so every stored value reads back.
 */
public class SpinJsonLimits implements DataFormatConfigurator<JacksonJsonDataFormat> {

	@Override
	public Class<JacksonJsonDataFormat> getDataFormatClass() {
		return JacksonJsonDataFormat.class;
	}

	@Override
	public void configure(JacksonJsonDataFormat format) {
		format.getObjectMapper().getFactory().setStreamReadConstraints(JsonLimits.READ);
	}
}
