package cn.needsloop.intake;

import org.springframework.data.jpa.domain.Specification;

/** Filters of the needs list; every one is optional. */
public record NeedFilter(String communityCode, NeedStatus status, Phase phase, Category category) {

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
		return spec;
	}
}
