package cn.needsloop.field;

import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Addresses;

/** Answers intake's question where a household of the register is (and so which grid a need about it has). */
@Component
class RegisterAddresses implements Addresses {

	private final Households households;

	private final MessageSource messages;

	RegisterAddresses(Households households, MessageSource messages) {
		this.households = households;
		this.messages = messages;
	}

	@Override
	public Optional<Address> household(Long householdId) {
		return households.findById(householdId)
			.map(h -> new Address(h.getId(), h.getCommunityCode(), h.getGridCode(),
					h.address().wording().render(messages, LocaleContextHolder.getLocale())));
	}
}
