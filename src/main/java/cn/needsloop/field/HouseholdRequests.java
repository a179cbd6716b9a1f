package cn.needsloop.field;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Requests of the household register. */
public final class HouseholdRequests {

	private HouseholdRequests() {
	}

	/** A household entered by hand: an urban address (building, unit, room) or a rural one (villager group, number). */
	public record SaveHousehold(@NotBlank @Size(max = 32) String gridCode, @Size(max = 32) String building,
			@Size(max = 16) String unit, @Size(max = 16) String room, @Size(max = 32) String villagerGroup,
			@Size(max = 16) String houseNo, @NotBlank @Size(max = 50) String headName,
			@Pattern(regexp = "^[0-9+\\- ]{5,30}$", message = "{need.reporterPhone.pattern}") String phone,
			@Size(max = 200) String careTags) {
	}
}
