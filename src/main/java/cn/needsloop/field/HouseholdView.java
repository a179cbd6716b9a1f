package cn.needsloop.field;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

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

	/** The household for a reader, its address written in the reader's language. */
	static HouseholdView of(Household h, boolean disclosed, MessageSource messages) {
		Address a = h.address();
		String address = a.wording().render(messages, LocaleContextHolder.getLocale());
		return new HouseholdView(h.getId(), h.getCommunityCode(), h.getGridCode(), address, a.building(), a.unit(),
				a.room(), a.villagerGroup(), a.houseNo(), disclosed ? h.getHeadName() : Masks.name(h.getHeadName()),
				disclosed ? h.getPhone() : Masks.phone(h.getPhone()), disclosed ? CareTags.of(h.getCareTags()) : List.of(),
				disclosed ? h.getVisitIntervalDays() : null, disclosed ? h.getVisitKind() : null,
				h.getLastVisitedOn(), h.getNextVisitOn(), disclosed);
	}
}
