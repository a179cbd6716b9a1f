package cn.needsloop.admission;

import java.math.BigDecimal;
import java.util.List;

import cn.needsloop.process.DecisionTables;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the work-item admission API. */
public final class WorkItemRequests {

	private WorkItemRequests() {
	}

	/**
	 * A department asks communities to take on a task.
	 * @param itemType the code of the admission-list entry the department claims (see docs/processes.md); optional,
	 * without it the list matches keywords of title and legal basis
	 */
	public record SubmitWorkItem(@NotBlank @Size(max = 100) String department, @NotBlank @Size(max = 200) String title,
			@NotBlank @Size(max = 1000) String legalBasis,
			@Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$", message = "{workItem.itemType.pattern}") String itemType,
			@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 32) String> communityCodes,
			@NotNull Boolean purchasedService,
			@DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal fundingYuan) {
	}

	/** The manager's review of a purchased-service contract for an item not on the list. */
	public record ContractReview(@NotNull Boolean approved, @NotBlank @Size(max = 1000) String note) {
	}

	/** A revised admission list: the whole DMN file, as Camunda Modeler saves it. */
	public record ListRevision(@NotBlank @Size(max = DecisionTables.MAX_REVISION_CHARS) String dmnXml) {
	}
}
