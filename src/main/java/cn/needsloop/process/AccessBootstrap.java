package cn.needsloop.process;

import cn.needsloop.shared.Actor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Workflow.Var;

/**
 * Camunda authorizations for the groups of the loop, so that with authorization checks on each
 * group reaches what it should: everyone uses Tasklist and sees the process definitions; tasks
 * are visible to those they are routed to (Camunda grants that per task); managers also use
 * Cockpit and read all instances and tasks. Also creates the shared Tasklist filters. Runs at
 * every start and only adds what is missing.
 */
@Component
@Order(10)
public class AccessBootstrap implements ApplicationRunner {

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final TaskService tasks;

	AccessBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters,
			TaskService tasks) {
		this.tasks = tasks;
		this.identity = identity;
		this.authorizations = authorizations;
		this.filters = filters;
	}

	/**
	 * Every group's grants, from one query per granted resource (a district has hundreds of groups: one query per
	 * group and grant made each start take tens of seconds).
	 */
	@Override
	public void run(ApplicationArguments args) {
		Map<String, Authorization> granted = new HashMap<>();
		for (Map.Entry<Resource, String> target : TARGETS) {
			for (Authorization authorization : authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.resourceType(target.getKey())
				.resourceId(target.getValue())
				.list()) {
				if (authorization.getGroupId() != null) {
					granted.putIfAbsent(key(authorization.getGroupId(), target.getKey(), target.getValue()), authorization);
				}
			}
		}
		Set<String> saved = new HashSet<>();
		Granted read = new Granted() {

			@Override
			public Authorization find(String groupId, Resource resource, String resourceId) {
				String key = key(groupId, resource, resourceId);
				// a grant saved during this run is read again, as grantDefaults(groupId) reads every grant
				return saved.contains(key) ? existingGrant(groupId, resource, resourceId) : granted.get(key);
			}

			@Override
			public void saved(String groupId, Resource resource, String resourceId) {
				saved.add(key(groupId, resource, resourceId));
			}
		};
		for (Group group : identity.createGroupQuery().list()) {
			grantDefaults(group.getId(), read);
		}
		ensureFilters();
	}

	/** The resources (type and id) {@link #grantDefaults} grants on. */
	private static final List<Map.Entry<Resource, String>> TARGETS = List.of(Map.entry(Resources.APPLICATION, "tasklist"),
			Map.entry(Resources.APPLICATION, "cockpit"), Map.entry(Resources.PROCESS_DEFINITION, "*"),
			Map.entry(Resources.FILTER, "*"), Map.entry(Resources.PROCESS_INSTANCE, "*"), Map.entry(Resources.TASK, "*"),
			Map.entry(Resources.DECISION_DEFINITION, "*"), Map.entry(Resources.DECISION_REQUIREMENTS_DEFINITION, "*"),
			Map.entry(Resources.DEPLOYMENT, "*"));

	private static String key(String groupId, Resource resource, String resourceId) {
		return groupId + "\n" + resource.resourceType() + "\n" + resourceId;
	}

	/** A group's grant of a resource, or null. */
	private interface Granted {

		Authorization find(String groupId, Resource resource, String resourceId);

		default void saved(String groupId, Resource resource, String resourceId) {
		}
	}

	/** Grants a loop group what it needs; safe to call again. */
	public void grantDefaults(String groupId) {
		grantDefaults(groupId, this::existingGrant);
	}

	private void grantDefaults(String groupId, Granted granted) {
		if (Actor.ADMIN.equals(groupId)) {
			return;
		}
		boolean loopGroup = groupId.contains(":") || List.of("socialorg", "manager", "resident").contains(groupId);
		if (!loopGroup) {
			return;
		}
		grant(granted, groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(granted, groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
		grant(granted, groupId, Resources.FILTER, "*", Permissions.READ);
		if (Actor.MANAGER.equals(groupId)) {
			grant(granted, groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
			grant(granted, groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
					Permissions.READ_HISTORY, Permissions.READ_TASK);
			grant(granted, groupId, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
			grant(granted, groupId, Resources.TASK, "*", Permissions.READ);
			grant(granted, groupId, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
			grant(granted, groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
			grant(granted, groupId, Resources.DEPLOYMENT, "*", Permissions.READ);
		}
	}

	private Authorization existingGrant(String groupId, Resource resource, String resourceId) {
		return authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

	private void grant(Granted granted, String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = granted.find(groupId, resource, resourceId);
		Authorization authorization = existing != null ? existing
				: authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		if (existing == null) {
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		boolean changed = existing == null;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizations.saveAuthorization(authorization);
			granted.saved(groupId, resource, resourceId);
		}
	}

	/**
	 * What a task is about, shown under its name in Tasklist's list (the filter's variables): the task-local
	 * {@code taskSubject} the routing writes (民需 #12 路灯不亮), readable with the task alone.
	 */
	private static final List<Object> SUBJECT_VARIABLES = new ArrayList<>(
			List.of(new HashMap<>(Map.of("name", Var.TASK_SUBJECT, "label", "事项"))));

	private void ensureFilters() {
		if (filters.createFilterQuery().count() > 0) {
			// filters made before they showed the subject: add it
			for (Filter filter : filters.createTaskFilterQuery().list()) {
				Map<String, Object> properties = filter.getProperties() == null ? new HashMap<>()
						: new HashMap<>(filter.getProperties());
				if (!properties.containsKey("variables")) {
					properties.put("variables", SUBJECT_VARIABLES);
					properties.put("showUndefinedVariable", false);
					filter.setProperties(properties);
					filters.saveFilter(filter);
				}
			}
			return;
		}
		save("我的待办", "assigned to me", 1, filters.newTaskFilter(),
				taskQuery().taskAssigneeExpression("${currentUser()}"));
		save("我条线的可认领任务", "offered to my groups", 2, filters.newTaskFilter(),
				taskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
		save("全部任务", "all tasks I may see", 3, filters.newTaskFilter(), taskQuery());
	}

	private TaskQuery taskQuery() {
		return tasks.createTaskQuery();
	}

	private void save(String name, String description, int priority, Filter filter, TaskQuery query) {
		filter.setName(name);
		filter.setOwner(null);
		filter.setQuery(query);
		filter.setProperties(new HashMap<>(Map.of("description", description, "priority", priority,
				"color", "#3e4d5a", "refresh", true, "variables", SUBJECT_VARIABLES, "showUndefinedVariable", false)));
		filters.saveFilter(filter);
	}
}
