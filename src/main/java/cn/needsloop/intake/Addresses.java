package cn.needsloop.intake;

import java.util.Optional;

/**
 * The register of households, as intake needs it: a need reported about a household gets that household's
 * community and grid. Declared here and answered by the field module (which comes after intake), as
 * {@code design.ProjectRatings} is answered by evaluation.
 */
public interface Addresses {

	/** Where a household of the register is. */
	record Address(Long householdId, String communityCode, String gridCode, String text) {
	}

	Optional<Address> household(Long householdId);
}
