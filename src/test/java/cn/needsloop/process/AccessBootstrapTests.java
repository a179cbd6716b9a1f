package cn.needsloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.support.ApiTest;

/**
 * The start's grants (read in one query per resource, not one per group): a group made since the last start gets
 * its grants, a grant missing a permission gets it, nothing is granted twice, and a second run changes nothing.
 */
class AccessBootstrapTests extends ApiTest {

	@Autowired
	private AccessBootstrap access;

	@Autowired
	private IdentityService identity;

	@Autowired
	private AuthorizationService authorizations;

	@Test
	void grantsEveryLoopGroupOnceAtStartAndAddsOnlyWhatIsMissing() {
		String steward = "steward:bootstrap" + System.nanoTime();
		String plain = "plain" + System.nanoTime();
		identity.saveGroup(identity.newGroup(steward));
		identity.saveGroup(identity.newGroup(plain));
		// the manager group exists (demo data): its grant on process definitions is made anew (READ) and widened in
		// the same run (READ_INSTANCE, READ_HISTORY, READ_TASK); on Cockpit it lacks nothing but its one permission
		authorizations.deleteAuthorization(grant("manager", Resources.PROCESS_DEFINITION, "*").get(0).getId());
		Authorization cockpit = grant("manager", Resources.APPLICATION, "cockpit").get(0);
		cockpit.removePermission(Permissions.ACCESS);
		authorizations.saveAuthorization(cockpit);

		access.run(null);
		long afterFirst = authorizations.createAuthorizationQuery().count();
		access.run(null);

		assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(afterFirst);
		assertThat(grant(steward, Resources.APPLICATION, "tasklist")).singleElement()
			.satisfies(a -> assertThat(granted(a, Permissions.ACCESS)).isTrue());
		assertThat(grant(steward, Resources.PROCESS_DEFINITION, "*")).singleElement()
			.satisfies(a -> assertThat(granted(a, Permissions.READ)).isTrue());
		assertThat(grant(steward, Resources.FILTER, "*")).singleElement()
			.satisfies(a -> assertThat(granted(a, Permissions.READ)).isTrue());
		assertThat(grant(steward, Resources.APPLICATION, "cockpit")).isEmpty();
		// a group outside the loop keeps only what the engine gives a new group (its members read it)
		assertThat(grant(plain, Resources.APPLICATION, "tasklist")).isEmpty();
		assertThat(grant(plain, Resources.PROCESS_DEFINITION, "*")).isEmpty();
		assertThat(grant("manager", Resources.PROCESS_DEFINITION, "*")).singleElement().satisfies(a -> {
			assertThat(granted(a, Permissions.READ)).isTrue();
			assertThat(granted(a, Permissions.READ_INSTANCE)).isTrue();
			assertThat(granted(a, Permissions.READ_HISTORY)).isTrue();
			assertThat(granted(a, Permissions.READ_TASK)).isTrue();
		});
		assertThat(grant("manager", Resources.APPLICATION, "cockpit")).singleElement()
			.satisfies(a -> assertThat(granted(a, Permissions.ACCESS)).isTrue());
	}

	private List<Authorization> grant(String group, Resource resource, String resourceId) {
		return authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.list();
	}

	private static boolean granted(Authorization authorization, Permission permission) {
		return authorization.isPermissionGranted(permission);
	}
}
