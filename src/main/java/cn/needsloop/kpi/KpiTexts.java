package cn.needsloop.kpi;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.needsloop.community.Places;
import cn.needsloop.intake.NeedFilter;

/** The words of the dashboard, its charts and exports: labels of the loop's values, texts, places' names. */
@Component
class KpiTexts {

	private final MessageSource messages;

	private final Places places;

	KpiTexts(MessageSource messages, Places places) {
		this.messages = messages;
		this.places = places;
	}

	/** A value's label ({@code prefix + value} in the messages, else the value itself); empty for none. */
	String label(String prefix, Object value, Locale locale) {
		return value == null ? "" : messages.getMessage(prefix + value, null, value.toString(), locale);
	}

	String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/** 是 or 否 in an export's cell; no value for none. */
	String yesNo(Boolean value, Locale locale) {
		return value == null ? null : text(value ? "drill.yes" : "drill.no", locale);
	}

	/** A line's name, or 未分派 for tasks no line has. */
	String line(String line, Locale locale) {
		return KpiService.UNROUTED.equals(line) ? text("kpi.unrouted", locale) : label("enum.Line.", line, locale);
	}

	Map<String, String> communityNames() {
		return places.communityNames();
	}

	/** The grids' names, and the row of the needs without a grid (未分网格). */
	Map<String, String> gridNames() {
		Map<String, String> names = places.gridNames();
		names.put(NeedFilter.NO_GRID, text("kpi.noGrid", LocaleContextHolder.getLocale()));
		return names;
	}
}
