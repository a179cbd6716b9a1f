package cn.needsloop.registration;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import cn.needsloop.system.Disclosure;

/**
 * A registration as the API shows it. The phone number is masked for everyone but the registrant (a steward of
 * the community reveals it, recorded); the party line, stewards and managers, who serve the community's roster,
 * see names and accounts ({@link Disclosure}).
 */
public record RegistrationView(Long id, String communityCode, PartyRegistration.Kind kind,
		PartyRegistration.Style style, String name, String unit, String phone, String username, Set<String> skills,
		String offers, PartyRegistration.Status status, String organizationCode, String registeredBy,
		Instant registeredAt) {

	static RegistrationView of(PartyRegistration r, Disclosure disclosure) {
		return new RegistrationView(r.getId(), r.getCommunityCode(), r.getKind(), r.getStyle(),
				disclosure.name(r.getName(), r.getUsername()), r.getUnit(),
				disclosure.phone(r.getPhone(), r.getUsername()),
				disclosure.person(r.getUsername()), new TreeSet<>(r.getSkills()), r.getOffers(), r.getStatus(),
				r.getOrganizationCode(), disclosure.person(r.getRegisteredBy()), r.getRegisteredAt());
	}
}
