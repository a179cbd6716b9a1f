package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import cn.needsloop.certificate.CertificateStatus;
import cn.needsloop.consultation.ConsultationLevel;
import cn.needsloop.consultation.ConsultationStatus;
import cn.needsloop.consultation.ParticipantKind;
import cn.needsloop.consultation.RoundResult;
import cn.needsloop.consultation.TopicType;
import cn.needsloop.design.ProjectStatus;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.NeedStatus;
import cn.needsloop.intake.Outcome;
import cn.needsloop.shared.Phase;
import cn.needsloop.intake.Scope;
import cn.needsloop.shared.Urgency;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.shared.Line;

/**
 * Every page text comes from messages*.properties: a key used by a template must exist in both the
 * English (default) and the Chinese file, both files hold the same keys, and no template carries
 * text of its own (letters in a text node or a visible attribute outside th:* and #{...}).
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");

	private static final Pattern KEY_PREFIX = Pattern.compile("#\\{'([A-Za-z0-9_.-]+\\.)'");

	private static final List<String> VISIBLE_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label", "label");

	private final Properties english = load("messages.properties");

	private final Properties chinese = load("messages_zh.properties");

	@Test
	void bothLanguagesHoldTheSameKeys() {
		assertThat(new TreeSet<>(chinese.stringPropertyNames())).as("keys of messages_zh.properties")
			.isEqualTo(new TreeSet<>(english.stringPropertyNames()));
	}

	@Test
	void everyKeyUsedByATemplateExistsInBothLanguages() throws IOException {
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			String source = Files.readString(template);
			Matcher keys = KEY.matcher(source);
			while (keys.find()) {
				String key = keys.group(1);
				if (!english.containsKey(key) || !chinese.containsKey(key)) {
					missing.add(TEMPLATES.relativize(template) + ": " + key);
				}
			}
			Matcher prefixes = KEY_PREFIX.matcher(source);
			while (prefixes.find()) {
				String prefix = prefixes.group(1);
				if (english.stringPropertyNames().stream().noneMatch(k -> k.startsWith(prefix))) {
					missing.add(TEMPLATES.relativize(template) + ": " + prefix + "*");
				}
			}
		}
		assertThat(missing).as("message keys missing from messages.properties or messages_zh.properties").isEmpty();
	}

	@Test
	void everyValueShownByNameHasATextInBothLanguages() {
		List<String> missing = new ArrayList<>();
		List<Class<? extends Enum<?>>> shown = List.of(Category.class, Channel.class, NeedStatus.class, Outcome.class,
				Phase.class, Scope.class, Urgency.class, VerificationVerdict.class, Line.class, ProjectStatus.class,
				// consultation and certificate pages
				TopicType.class, ConsultationStatus.class, ConsultationLevel.class, ParticipantKind.class,
				RoundResult.class, CertificateStatus.class);
		for (Class<? extends Enum<?>> type : shown) {
			for (Enum<?> value : type.getEnumConstants()) {
				String key = "enum." + type.getSimpleName() + "." + value.name();
				if (!english.containsKey(key) || !chinese.containsKey(key)) {
					missing.add(key);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHoldNoTextOfTheirOwn() throws IOException {
		List<String> hardCoded = new ArrayList<>();
		for (Path template : templates()) {
			Document page = Jsoup.parse(Files.readString(template));
			for (Element element : page.getAllElements()) {
				if (element.is("script, style")) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (hasLetters(text.text())) {
						hardCoded.add(TEMPLATES.relativize(template) + " <" + element.tagName() + ">: " + text.text().trim());
					}
				}
				for (String attribute : VISIBLE_ATTRIBUTES) {
					if (hasLetters(element.attr(attribute))) {
						hardCoded.add(TEMPLATES.relativize(template) + " " + attribute + "=\"" + element.attr(attribute) + "\"");
					}
				}
			}
		}
		assertThat(hardCoded).as("text written into templates instead of messages*.properties").isEmpty();
	}

	@Test
	void scriptsHoldNoChineseText() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/static/js"))) {
			for (Path script : files.filter(p -> p.toString().endsWith(".js")).toList()) {
				if (Files.readString(script).codePoints().anyMatch(MessagesTests::isCjk)) {
					found.add(script.toString());
				}
			}
		}
		assertThat(found).as("scripts take their texts from the page (data-* attributes), not literals").isEmpty();
	}

	/**
	 * Java builds no text a person reads: Chinese string literals in the main sources are found (outside
	 * comments and annotations, which document the API in both languages) and must be in one of the lists
	 * below. Text a person reads is a message key ({@code Wording}, {@code ProblemException}) rendered in
	 * the reader's language.
	 */
	@Test
	void javaBuildsNoTextAPersonReads() throws IOException {
		Map<String, String> data = Map.of(
				"demo/DemoData.java", "the demo's sample people, groups and needs (data, not text of the app)",
				"understanding/TextModel.java", "Chinese function characters the text model ignores",
				"understanding/NeedSimilarity.java", "function characters, numerals and place patterns the similarity reads",
				"system/IdempotencyWeb.java", "the OpenAPI description of the Idempotency-Key header, in both languages",
				"process/AccessBootstrap.java", "Tasklist's shared filters: the engine keeps one name per filter",
				"consultation/ParticipantKind.java", "participant kinds as consultation-catalog.dmn and the forms name them",
				"field/CareTags.java", "care tags as the register and visit-frequency.dmn name them");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/cn/needsloop"))) {
			for (Path source : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
				String name = Path.of("src/main/java/cn/needsloop").relativize(source).toString().replace('\\', '/');
				if (!data.containsKey(name) && !chineseLiterals(source).isEmpty()) {
					found.add(name + ": " + chineseLiterals(source));
				}
			}
		}
		assertThat(found).as("Chinese text built in Java: use a message key (Wording) instead").isEmpty();
	}

	private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	/** The Chinese string literals of a source, leaving out comments and annotation lines. */
	private static List<String> chineseLiterals(Path source) throws IOException {
		String text = Files.readString(source, StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
		List<String> literals = new ArrayList<>();
		for (String line : text.split("\n")) {
			String code = line.strip();
			if (code.startsWith("//") || code.startsWith("@")) {
				continue;
			}
			Matcher m = STRING_LITERAL.matcher(line);
			while (m.find()) {
				if (m.group(1).codePoints().anyMatch(MessagesTests::isCjk)) {
					literals.add(m.group(1));
				}
			}
		}
		return literals;
	}

	private static boolean hasLetters(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

	private static boolean isCjk(int c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}
}
