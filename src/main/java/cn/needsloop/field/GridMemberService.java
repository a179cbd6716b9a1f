package cn.needsloop.field;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Grid;
import cn.needsloop.community.Grids;
import cn.needsloop.process.Accounts;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Wording;

/**
 * The grid workers of each grid. A grid worker is a member of the group {@code grid:<gridCode>} (created with
 * the grid's first worker) and a row here, from which the daily patrols are planned. The steward of the grid's
 * community (or a manager) adds them.
 */
@Service
@Transactional
public class GridMemberService {

	/** A grid worker as the API shows them. */
	public record MemberView(String gridCode, String communityCode, String userId, String name) {
	}

	private final GridMembers members;

	private final Grids grids;

	private final Accounts accounts;

	private final MessageSource messages;

	GridMemberService(GridMembers members, Grids grids, Accounts accounts, MessageSource messages) {
		this.members = members;
		this.grids = grids;
		this.accounts = accounts;
		this.messages = messages;
	}

	/** The group of a grid's workers. */
	public static String group(String gridCode) {
		return "grid:" + gridCode;
	}

	@Transactional(readOnly = true)
	public List<MemberView> list(String gridCode, Actor actor) {
		Grid grid = grid(gridCode);
		if (!actor.isManager() && !actor.isStewardOf(grid.getCommunityCode()) && !actor.isGridWorkerOf(gridCode)) {
			throw ProblemException.forbidden("problem.community.notYours", grid.getCommunityCode());
		}
		return members.findByGridCodeOrderByUserId(gridCode).stream()
			.map(m -> new MemberView(m.getGridCode(), m.getCommunityCode(), m.getUserId(), accounts.nameOf(m.getUserId())))
			.toList();
	}

	/** The steward of the grid's community or a manager makes an existing account a worker of the grid. */
	public MemberView add(String gridCode, String userId, Actor actor) {
		Grid grid = grid(gridCode);
		if (!actor.isManager() && !actor.isStewardOf(grid.getCommunityCode())) {
			throw ProblemException.forbidden("problem.grid.stewardOnly", gridCode);
		}
		if (userId == null || userId.isBlank() || !accounts.exists(userId.strip())) {
			throw ProblemException.badField("userId", "problem.grid.unknownUser", userId);
		}
		register(grid, userId.strip(), actor.userId());
		return new MemberView(gridCode, grid.getCommunityCode(), userId.strip(), accounts.nameOf(userId.strip()));
	}

	/** Makes an account a worker of a grid (its group and its row), unless it is one already. */
	public void register(String gridCode, String userId, String by) {
		register(grid(gridCode), userId, by);
	}

	private void register(Grid grid, String userId, String by) {
		// the engine keeps one name per group (Tasklist and Admin show it): in the deployment's language
		accounts.ensureGroup(group(grid.getCode()),
				Wording.of("grid.groupName", grid.getName()).render(messages, Locale.SIMPLIFIED_CHINESE));
		accounts.addToGroup(userId, group(grid.getCode()));
		if (members.findByGridCodeAndUserId(grid.getCode(), userId).isEmpty()) {
			members.save(new GridMember(grid.getCode(), grid.getCommunityCode(), userId, by, TimeLimits.nowInstant()));
		}
	}

	private Grid grid(String gridCode) {
		return grids.findById(gridCode).orElseThrow(() -> ProblemException.notFound("grid", gridCode));
	}
}
