package cn.needsloop.system;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The API speaks Chinese to callers that ask for it and English to everyone else. */
@Configuration
class LocaleConfig {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(List.of(Locale.ENGLISH, CHINESE, Locale.CHINESE));
		resolver.setDefaultLocale(Locale.ENGLISH);
		return resolver;
	}
}
