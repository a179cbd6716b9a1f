package cn.needsloop.field;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.needsloop.intake.Addresses;

/** Answers intake's question where a household of the register is (and so which grid a need about it has). */
@Component
class RegisterAddresses implements Addresses {

	private final Households households;

	RegisterAddresses(Households households) {
		this.households = households;
	}

	@Override
	public Optional<Address> household(Long householdId) {
		return households.findById(householdId)
			.map(h -> new Address(h.getId(), h.getCommunityCode(), h.getGridCode(), h.address().text()));
	}
}
