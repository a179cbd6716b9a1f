package cn.needsloop.certificate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import cn.needsloop.process.DecisionTables;
import cn.needsloop.process.Workflow;

/**
 * 证明材料清单 as a resident chooses from it: the kinds the latest version of {@code certificate-catalog.dmn}
 * names, listed ones (the community issues them) and known unlisted ones (answered at once with the rule and
 * where to go). The table stays the one source: a new version shows here without a code change.
 */
@Component
public class CertificateCatalog {

	/** A kind any table answers with its catch-all rule: a certificate the catalog does not name. */
	public static final String OTHER = "OTHER";

	private final DecisionTables decisionTables;

	CertificateCatalog(DecisionTables decisionTables) {
		this.decisionTables = decisionTables;
	}

	/** A kind of certificate the catalog names; {@code name} as the table writes it. */
	public record Kind(String code, String name, boolean listed) {
	}

	/** Every kind the table names, in its order. */
	public List<Kind> kinds() {
		return decisionTables.rules(Workflow.Decision.CERTIFICATE_CATALOG).stream()
			.map(CertificateCatalog::kind)
			.filter(Objects::nonNull)
			.toList();
	}

	public List<Kind> listed() {
		return kinds().stream().filter(Kind::listed).toList();
	}

	public List<Kind> unlisted() {
		return kinds().stream().filter(k -> !k.listed()).toList();
	}

	private static Kind kind(Map<String, String> rule) {
		String code = literal(rule.get("kind"));
		if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
			return null;
		}
		String name = literal(rule.get("kindName"));
		return new Kind(code, name == null ? code : name, "true".equals(rule.get("listed")));
	}

	/** A FEEL string literal's text, or null for anything else ({@code -}, {@code null}, an expression). */
	private static String literal(String text) {
		if (text == null || text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
			return null;
		}
		return text.substring(1, text.length() - 1);
	}
}
