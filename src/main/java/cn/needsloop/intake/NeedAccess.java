package cn.needsloop.intake;

import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/** Who may see a need: the stewards of its community, managers and the person who reported it. */
public final class NeedAccess {

	private NeedAccess() {
	}

	public static boolean maySee(Actor actor, Need need) {
		return actor.isManager() || actor.isStewardOf(need.getCommunityCode())
				|| actor.userId().equals(need.getReporterUser());
	}

	public static void requireSee(Actor actor, Need need) {
		if (!maySee(actor, need)) {
			throw ProblemException.forbidden("problem.need.notYours", need.getId());
		}
	}
}
