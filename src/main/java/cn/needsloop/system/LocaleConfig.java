package cn.needsloop.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two rules. The JSON API speaks Chinese to callers that ask for it (Accept-Language) and English to
 * everyone else. The pages speak Chinese (zh-CN) unless the user switched to English with
 * {@code ?lang=en}, which a cookie remembers.
 */
@Configuration
class LocaleConfig implements WebMvcConfigurer {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final String LANGUAGE_PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
		api.setSupportedLocales(List.of(Locale.ENGLISH, CHINESE, Locale.CHINESE));
		api.setDefaultLocale(Locale.ENGLISH);
		CookieLocaleResolver pages = new CookieLocaleResolver("needsloop-lang");
		pages.setDefaultLocale(CHINESE);
		pages.setCookieMaxAge(Duration.ofDays(365));
		return new LocaleResolver() {

			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				return isApi(request) ? api.resolveLocale(request) : pages.resolveLocale(request);
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				pages.setLocale(request, response, locale);
			}
		};
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName(LANGUAGE_PARAMETER);
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change).excludePathPatterns("/api/**");
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}
}
