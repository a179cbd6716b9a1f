package cn.needsloop.design;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.needsloop.shared.Category;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the projects API. */
public final class ProjectRequests {

	private ProjectRequests() {
	}

	public record DesignProject(@NotBlank @Size(max = 32) String communityCode, @NotBlank @Size(max = 200) String title,
			@NotBlank @Size(max = 1000) String goal, @NotBlank @Size(max = 4000) String plan, @NotNull Category category,
			@NotEmpty @Size(max = 500) List<@NotNull Long> needIds,
			@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal budgetYuan,
			@NotNull @Min(1) @Max(100000) Integer householdCount, boolean publicAffairs, @NotNull LocalDate plannedEnd,
			@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> milestones) {
	}

	public record Redesign(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 1000) String goal,
			@NotBlank @Size(max = 4000) String plan,
			@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal budgetYuan,
			@NotNull @Min(1) @Max(100000) Integer householdCount, boolean publicAffairs, @NotNull LocalDate plannedEnd,
			@NotBlank @Size(max = 1000) String note) {
	}

	public record Approval(@NotNull Boolean approved, @NotBlank @Size(max = 1000) String note) {
	}
}
