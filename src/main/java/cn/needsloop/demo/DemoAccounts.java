package cn.needsloop.demo;

import cn.needsloop.system.DemoBanner;
import cn.needsloop.process.StoredPasswords;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether demo accounts (a demo user id whose password is still {@code demo}) exist, looked at once
 * at every start after the demo data: they may outlive the {@code demo} profile in the database.
 * When they do, the log warns at start and every page of ours shows a banner ({@code demoAccounts} in
 * {@code system.PageModel}, through {@link DemoBanner}; {@code fragments/layout.html}); the banner goes when the accounts are deleted
 * or their passwords changed, at the next start.
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner, DemoBanner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

	private final StoredPasswords passwords;

	private final Environment environment;

	private volatile List<String> present = List.of();

	DemoAccounts(StoredPasswords passwords, Environment environment) {
		this.passwords = passwords;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> found = new ArrayList<>();
		List<String> ids = new ArrayList<>(DemoData.USERS.stream().map(DemoData.DemoUser::id).toList());
		ids.add(DemoData.ADMIN);
		for (String id : ids) {
			if (passwords.matches(id, DemoData.PASSWORD)) {
				found.add(id);
			}
		}
		present = List.copyOf(found);
		if (!found.isEmpty()) {
			LOG.warn("DEMO ACCOUNTS ARE ACTIVE: anyone can sign in as {} with the password '{}' (profiles {}). Never"
					+ " run this with real data: start without the demo profile on a fresh database, or delete these"
					+ " users in Camunda Admin.", found, DemoData.PASSWORD,
					List.of(environment.getActiveProfiles()));
		}
	}

	/** True while demo accounts exist: every page shows the demo banner. */
	@Override
	public boolean shown() {
		return present();
	}

	boolean present() {
		return !present.isEmpty();
	}

	/** The demo user ids that still take the demo password. */
	List<String> accounts() {
		return present;
	}
}
