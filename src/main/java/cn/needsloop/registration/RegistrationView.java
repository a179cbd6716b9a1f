package cn.needsloop.registration;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A registration as the API shows it. */
public record RegistrationView(Long id, String communityCode, PartyRegistration.Kind kind,
		PartyRegistration.Style style, String name, String unit, String phone, String username, Set<String> skills,
		String offers, PartyRegistration.Status status, String organizationCode, String registeredBy,
		Instant registeredAt) {

	static RegistrationView of(PartyRegistration r) {
		return new RegistrationView(r.getId(), r.getCommunityCode(), r.getKind(), r.getStyle(), r.getName(), r.getUnit(),
				r.getPhone(), r.getUsername(), new TreeSet<>(r.getSkills()), r.getOffers(), r.getStatus(),
				r.getOrganizationCode(), r.getRegisteredBy(), r.getRegisteredAt());
	}
}
