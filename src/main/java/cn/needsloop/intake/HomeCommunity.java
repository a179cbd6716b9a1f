package cn.needsloop.intake;

import cn.needsloop.shared.CommunityGroup;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.shared.Actor;

/**
 * The community a signed-in user belongs to as far as the application knows, for the default of a page's
 * community filter or field: the community of their steward, party or self-governance group, else (a resident)
 * the community of the last need they reported. Only a default: it grants nothing.
 */
@Component
public class HomeCommunity {

	private final Needs needs;

	HomeCommunity(Needs needs) {
		this.needs = needs;
	}

	@Transactional(readOnly = true)
	public Optional<String> of(Actor actor) {
		Optional<String> line = actor.groups().stream()
			.filter(CommunityGroup::isCommunityGroup)
			.map(g -> g.substring(g.indexOf(':') + 1))
			.findFirst();
		if (line.isPresent()) {
			return line;
		}
		return needs.findByReporterUser(actor.userId(), PageRequest.of(0, 1, Sort.by(Sort.Direction.DESC, "id")))
			.stream()
			.map(Need::getCommunityCode)
			.findFirst();
	}
}
