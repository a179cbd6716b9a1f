package cn.needsloop.intake;

import cn.needsloop.shared.ChinaTime;
import cn.needsloop.shared.Channel;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Phase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

import org.springframework.data.jpa.domain.Specification;

/**
 * Filters of the needs list; every one is optional. {@code from} and {@code to} bound the day the
 * need was reported (Beijing time, both days included); {@code reached} keeps the needs whose phase
 * is that phase or a later one (the loop's funnel).
 */
public record NeedFilter(String communityCode, NeedStatus status, Phase phase, Category category, Channel channel,
		String gridCode, LocalDate from, LocalDate to, Phase reached) {


	/** The grid filter for needs reported without a grid (未分网格). */
	public static final String NO_GRID = "none";

	public NeedFilter(String communityCode, NeedStatus status, Phase phase, Category category) {
		this(communityCode, status, phase, category, null, null, null, null, null);
	}

	Specification<Need> toSpecification() {
		Specification<Need> spec = (root, query, cb) -> cb.conjunction();
		if (communityCode != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("communityCode"), communityCode));
		}
		if (status != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
		}
		if (phase != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("phase"), phase));
		}
		if (category != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("category"), category));
		}
		if (channel != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("channel"), channel));
		}
		if (NO_GRID.equals(gridCode)) {
			spec = spec.and((root, query, cb) -> cb.isNull(root.get("gridCode")));
		}
		else if (gridCode != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("gridCode"), gridCode));
		}
		if (from != null) {
			spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("reportedAt"),
					from.atStartOfDay(ChinaTime.ZONE).toInstant()));
		}
		if (to != null) {
			spec = spec.and((root, query, cb) -> cb.lessThan(root.get("reportedAt"),
					to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
		}
		if (reached != null) {
			Phase[] later = Arrays.copyOfRange(Phase.values(), reached.ordinal(), Phase.values().length);
			spec = spec.and((root, query, cb) -> root.get("phase").in((Object[]) later));
		}
		return spec;
	}
}
