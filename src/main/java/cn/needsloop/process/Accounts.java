package cn.needsloop.process;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import cn.needsloop.shared.Actor;

/**
 * People and groups as the engine's identity keeps them (Camunda Admin edits the same accounts), for the
 * modules that need them: who someone is, whether an account exists, and the groups and accounts a
 * deployment starts with.
 */
@Component
public class Accounts {

	private final IdentityService identity;

	Accounts(IdentityService identity) {
		this.identity = identity;
	}

	/**
	 * The default engine's identity, for signing in: password checks, groups and tenants, and the person the
	 * engine works for in this thread.
	 */
	public EngineIdentity identity() {
		return new EngineIdentity(null, identity);
	}

	/** A person with their groups (for work done on their behalf, such as a bulk job they started). */
	public Actor actor(String userId) {
		return new Actor(userId, identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
	}

	/** Whether an account of that id exists. */
	public boolean exists(String userId) {
		return identity.createUserQuery().userId(userId).count() > 0;
	}

	/** Creates a workflow group unless it exists. */
	public void ensureGroup(String groupId, String name) {
		if (identity.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = identity.newGroup(groupId);
			group.setName(name);
			group.setType("WORKFLOW");
			identity.saveGroup(group);
		}
	}

	/**
	 * Creates an account with its groups unless an account of that id exists (an existing one is left as it is).
	 * @return whether it was created
	 */
	public boolean ensureAccount(String userId, String name, String password, String email, List<String> groups) {
		if (exists(userId)) {
			return false;
		}
		User user = identity.newUser(userId);
		user.setFirstName(name);
		user.setLastName("");
		user.setPassword(password);
		user.setEmail(email);
		identity.saveUser(user);
		groups.forEach(group -> identity.createMembership(userId, group));
		return true;
	}

	/** Makes an existing account a member of an existing group, unless it is one already. */
	public void addToGroup(String userId, String groupId) {
		if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
			identity.createMembership(userId, groupId);
		}
	}

	/** The display name of an account (given and family name), or its id when it has none or does not exist. */
	public String nameOf(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return userId;
		}
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).strip();
		return name.isEmpty() ? userId : name;
	}

	/** The e-mail address the account has in the engine's identity (Camunda Admin), or null. */
	public String emailOf(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail().strip();
	}

	/** The accounts in a group (at most {@code max}). */
	public List<String> membersOf(String groupId, int max) {
		return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().listPage(0, max).stream()
			.map(User::getId).toList();
	}

	/**
	 * Whether a group has any member, whoever asks: inside a step of a process (routing a task) the engine asks for the
	 * process, not with the rights of the person whose action led there.
	 */
	public boolean hasMembers(String groupId) {
		org.camunda.bpm.engine.impl.interceptor.CommandContext command =
				org.camunda.bpm.engine.impl.context.Context.getCommandContext();
		java.util.function.Supplier<Boolean> ask = () -> identity.createUserQuery().memberOfGroup(groupId).count() > 0;
		return command == null ? ask.get() : command.runWithoutAuthorization((java.util.concurrent.Callable<Boolean>) ask::get);
	}

	/** The groups whose id starts with a prefix ({@code steward:} for every community's stewards). */
	public List<String> groupsStartingWith(String prefix) {
		return identity.createGroupQuery().orderByGroupId().asc().list().stream().map(Group::getId)
			.filter(id -> id.startsWith(prefix)).toList();
	}
}
