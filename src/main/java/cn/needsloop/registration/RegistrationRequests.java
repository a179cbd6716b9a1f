package cn.needsloop.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the dual-registration and dispatch API. */
public final class RegistrationRequests {

	private RegistrationRequests() {
	}

	/** 双报到: {@code style} defaults to MENU; {@code username} is the account that answers dispatches. */
	public record Register(@NotBlank @Size(max = 32) String communityCode, @NotNull PartyRegistration.Kind kind,
			PartyRegistration.Style style, @NotBlank @Size(max = 100) String name,
			@NotBlank @Size(max = 100) String unit,
			@NotBlank @Pattern(regexp = "^[0-9+\\- ]{5,30}$", message = "{registration.phone.pattern}") String phone,
			@NotEmpty @Size(max = 20) Set<@NotBlank @Size(max = 50) String> skills,
			@Size(max = 2000) String offers, @Size(max = 64) String username) {
	}

	public record RequestDispatch(@NotBlank @Size(max = 32) String communityCode, Long needId, Long projectId,
			@NotBlank @Size(max = 50) String skill, @NotNull @Min(1) @Max(100) Integer people, @NotNull Instant at) {
	}

	public record Answer(@NotNull Long registrationId, @NotNull Boolean accepted, @Size(max = 1000) String note) {
	}

	public record RecordHours(@NotNull Long registrationId,
			@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hours) {
	}
}
