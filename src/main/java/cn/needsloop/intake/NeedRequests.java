package cn.needsloop.intake;

import cn.needsloop.shared.Urgency;
import cn.needsloop.shared.Channel;
import cn.needsloop.shared.Category;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the needs API. */
public final class NeedRequests {

	private NeedRequests() {
	}

	public record ReportNeed(@NotBlank @Size(max = 32) String communityCode, @Size(max = 32) String gridCode,
			@NotNull Channel channel, @NotBlank @Size(max = 200) String title,
			@NotBlank @Size(max = 2000) String description, @NotBlank @Size(max = 50) String reporterName,
			@NotBlank @Pattern(regexp = "^[0-9+\\- ]{5,30}$", message = "{need.reporterPhone.pattern}") String reporterPhone,
			@Min(1) @Max(100000) Integer householdCount, Boolean urgent, Long householdId,
			@Size(max = 200) String place) implements java.io.Serializable {

		/** A report without an address (a household of the register or a place in words). */
		public ReportNeed(String communityCode, String gridCode, Channel channel, String title, String description,
				String reporterName, String reporterPhone, Integer householdCount, Boolean urgent) {
			this(communityCode, gridCode, channel, title, description, reporterName, reporterPhone, householdCount, urgent,
					null, null);
		}

		/** A report without the reporter's own "urgent" mark. */
		public ReportNeed(String communityCode, String gridCode, Channel channel, String title, String description,
				String reporterName, String reporterPhone, Integer householdCount) {
			this(communityCode, gridCode, channel, title, description, reporterName, reporterPhone, householdCount, null);
		}
	}

	public record Verify(@NotNull VerificationVerdict verdict, Long duplicateOfId,
			@NotBlank @Size(max = 1000) String note) {
	}

	public record Classify(@NotNull Category category, @NotNull Urgency urgency, @NotNull Scope scope) {
	}

	public record Resolve(@NotBlank @Size(max = 1000) String note) {
	}

	public record Confirm(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 1000) String comment) {
	}
}
