package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda's webapps in Chinese: for each app we ship {@code locales/zh.json} and a
 * {@code scripts/config.js} under {@code src/main/resources/META-INF/resources/webjars/camunda/app/<app>/},
 * which the classpath serves before the stock files of {@code camunda-webapp-webjar}. The Chinese file
 * must hold every key of the stock {@code en.json} (labels and date locale), keep each text's
 * placeholders ({@code {{name}}}) and markup, and actually be translated; our config.js must offer
 * {@code zh} and keep every setting of the stock one. A Camunda upgrade that adds keys fails here.
 */
class CamundaLocalesTests {

	private static final String APP = "META-INF/resources/webjars/camunda/app/";

	private static final String STOCK_JAR = "camunda-webapp-webjar";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

	private static final Pattern MARKUP = Pattern
		.compile("</?(?:a|b|br|code|em|i|li|p|pre|span|strong|ul)\\b[^>]*>|&[a-z]+;");

	private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

	/** A date pattern such as {@code YYYY-MM-DDTHH:mm:ss}, the same in every language. */
	private static final Pattern DATE_PATTERN = Pattern.compile("[YMDTHhms:. -]+");

	/** English plural endings glued to a word ("instance" + "s"): Chinese has none. */
	private static final String PLURAL_ENDING = "s";

	/** Words that stay as they are in Chinese: names of products, standards and formats. */
	private static final Set<String> SAME_IN_CHINESE = Set.of("Camunda", "BPMN", "DMN", "CMMN", "ID", "IDs", "JSON",
			"XML", "Java", "URL", "HTML", "CSV", "FEEL");

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void chineseHoldsEveryKeyOfTheStockEnglish(String app) throws IOException {
		JsonNode english = stockJson(app + "/locales/en.json");
		JsonNode chinese = ownJson(app + "/locales/zh.json");
		assertThat(paths(chinese, "")).as(app + " zh.json keys").isEqualTo(paths(english, ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void everyLabelIsTranslatedAndKeepsPlaceholdersAndMarkup(String app) throws IOException {
		JsonNode english = stockJson(app + "/locales/en.json").path("labels");
		JsonNode chinese = ownJson(app + "/locales/zh.json").path("labels");
		List<String> problems = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> label = it.next();
			String en = label.getValue().asText();
			String zh = chinese.path(label.getKey()).asText("");
			if (!all(PLACEHOLDER, en).equals(all(PLACEHOLDER, zh))) {
				problems.add(label.getKey() + ": placeholders " + all(PLACEHOLDER, en) + " became " + all(PLACEHOLDER, zh));
			}
			if (!all(MARKUP, en).equals(all(MARKUP, zh))) {
				problems.add(label.getKey() + ": markup " + all(MARKUP, en) + " became " + all(MARKUP, zh));
			}
			if (zh.isBlank() != en.isBlank() && !en.equals(PLURAL_ENDING)) {
				problems.add(label.getKey() + ": missing or empty");
			}
			if (zh.equals(en) && needsTranslation(en)) {
				problems.add(label.getKey() + ": not translated: " + en);
			}
		}
		assertThat(problems).as(app + " zh.json").isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void configOffersChineseAndKeepsTheStockSettings(String app) throws IOException {
		String stock = stockText(app + "/scripts/config.js");
		String own = ownText(app + "/scripts/config.js");
		assertThat(own).containsPattern("availableLocales:\\s*\\[\\s*'zh',\\s*'en'\\s*]")
			.containsPattern("fallbackLocale:\\s*'zh'");
		assertThat(settings(own)).as(app + " config.js settings").containsAll(settings(stock));
	}

	// ---- helpers ------------------------------------------------------------------------------

	private static boolean needsTranslation(String english) {
		if (DATE_PATTERN.matcher(english).matches()) {
			return false;
		}
		String text = MARKUP.matcher(PLACEHOLDER.matcher(english).replaceAll("")).replaceAll("");
		Matcher words = WORD.matcher(text);
		while (words.find()) {
			if (!SAME_IN_CHINESE.contains(words.group())) {
				return true;
			}
		}
		return false;
	}

	private static List<String> all(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
		}
		Collections.sort(found);
		return found;
	}

	/** Every key path of a JSON tree; an array counts as one value with its length. */
	private static Set<String> paths(JsonNode node, String prefix) {
		Set<String> paths = new TreeSet<>();
		if (node.isObject()) {
			node.fields().forEachRemaining(f -> paths.addAll(paths(f.getValue(), prefix + "/" + f.getKey())));
		}
		else {
			paths.add(node.isArray() ? prefix + "[" + node.size() + "]" : prefix);
		}
		return paths;
	}

	/** Uncommented keys ({@code name:}) of a config.js, each with the path of keys above it. */
	private static Set<String> settings(String config) {
		Set<String> settings = new TreeSet<>();
		Map<Integer, String> open = new TreeMap<>();
		for (String line : config.split("\n")) {
			String code = line.strip();
			if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) {
				continue;
			}
			int depth = line.length() - line.stripLeading().length();
			Matcher key = Pattern.compile("^'?([A-Za-z]\\w*)'?\\s*:").matcher(code);
			if (key.find()) {
				open.keySet().removeIf(d -> d >= depth);
				String path = String.join(".", open.values()) + (open.isEmpty() ? "" : ".") + key.group(1);
				settings.add(path);
				if (code.endsWith("{")) {
					open.put(depth, key.group(1));
				}
			}
		}
		return settings;
	}

	private JsonNode stockJson(String path) throws IOException {
		return json.readTree(stockText(path));
	}

	private JsonNode ownJson(String path) throws IOException {
		return json.readTree(ownText(path));
	}

	/** The file as camunda-webapp-webjar ships it, even where we override it. */
	private static String stockText(String path) throws IOException {
		for (URL url : Collections.list(CamundaLocalesTests.class.getClassLoader().getResources(APP + path))) {
			if (url.toString().contains(STOCK_JAR)) {
				return read(url);
			}
		}
		throw new AssertionError(APP + path + " not found in " + STOCK_JAR);
	}

	/** The file the application serves: ours comes first on the classpath. */
	private static String ownText(String path) throws IOException {
		URL url = CamundaLocalesTests.class.getClassLoader().getResource(APP + path);
		assertThat(url).as(APP + path).isNotNull();
		assertThat(url.toString()).as("served " + path).doesNotContain(STOCK_JAR);
		return read(url);
	}

	private static String read(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
	}

}
