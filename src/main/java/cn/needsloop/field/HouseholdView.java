package cn.needsloop.field;

import java.time.LocalDate;
import java.util.List;

import cn.needsloop.system.Masks;

/**
 * A household as a reader may see it: the grid's workers, the community's stewards and managers see the head's
 * name, the phone and the care tags in full ({@code disclosed}); any other staff of the community sees the
 * address with the name and phone masked and neither the tags nor the visit frequency they imply.
 */
public record HouseholdView(Long id, String communityCode, String gridCode, String address, String building,
		String unit, String room, String villagerGroup, String houseNo, String headName, String phone,
		List<String> careTags, Integer visitIntervalDays, VisitKind visitKind, LocalDate lastVisitedOn,
		LocalDate nextVisitOn, boolean disclosed) {

	static HouseholdView of(Household h, boolean disclosed) {
		Address a = h.address();
		return new HouseholdView(h.getId(), h.getCommunityCode(), h.getGridCode(), a.text(), a.building(), a.unit(),
				a.room(), a.villagerGroup(), a.houseNo(), disclosed ? h.getHeadName() : Masks.name(h.getHeadName()),
				disclosed ? h.getPhone() : Masks.phone(h.getPhone()), disclosed ? CareTags.of(h.getCareTags()) : List.of(),
				disclosed ? h.getVisitIntervalDays() : null, disclosed ? h.getVisitKind() : null,
				h.getLastVisitedOn(), h.getNextVisitOn(), disclosed);
	}
}
