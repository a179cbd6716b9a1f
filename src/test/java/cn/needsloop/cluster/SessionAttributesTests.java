package cn.needsloop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.FlashMap;

import cn.needsloop.admission.WorkItemForm;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.registration.DispatchForm;
import cn.needsloop.registration.RegistrationForm;
import cn.needsloop.workbench.BulkJobs;
import cn.needsloop.system.PersonalData;

/**
 * Everything a page keeps in its session goes into the database with Java serialization (Spring Session
 * JDBC): the forms and results handed to the next page as flash attributes, and Camunda webapps' own
 * authentication. Each comes back whole; a class that is not serializable would make the redirect after a
 * refused form a 500.
 */
class SessionAttributesTests {

	@Test
	void flashAttributesOfThePagesSurviveTheSessionStore() throws Exception {
		FlashMap flash = new FlashMap();
		flash.put("dispatchForm", new DispatchForm());
		flash.put("registrationForm", new RegistrationForm());
		flash.put("workItemForm", new WorkItemForm());
		flash.put("form", new ReportNeed("xingfu", null, Channel.ONLINE, "楼道灯坏了", "三天了", "刘", "138", 1));
		flash.put("revealed", new PersonalData.Revealed(cn.needsloop.system.PersonalDataReveal.Record.values()[0], 7L, "phone", "13800000001",
				Instant.parse("2026-11-30T06:00:00Z")));
		flash.put("bulk", new BulkJobs.Summary("job", BulkJobs.Action.CLAIM, 2, 2, List.of("t1"),
				List.of(new BulkJobs.Failure("t2", "核实民需", "已被他人认领。"))));
		flash.put("values", new java.util.LinkedHashMap<>(Map.of("title", "x")));

		FlashMap back = roundTrip(flash);
		assertThat((Map<String, Object>) back).containsOnlyKeys(flash.keySet().toArray(String[]::new));
		assertThat(back.get("form")).isEqualTo(flash.get("form"));
		assertThat(back.get("bulk")).isEqualTo(flash.get("bulk"));
		assertThat(back.get("revealed")).isEqualTo(flash.get("revealed"));
	}

	@Test
	void camundaWebappsAuthenticationSurvivesTheSessionStore() throws Exception {
		Authentications authentications = new Authentications();
		UserAuthentication user = new UserAuthentication("steward1", "default");
		user.setGroupIds(List.of("steward:xingfu"));
		authentications.addOrReplace(user);
		Authentications back = roundTrip(authentications);
		assertThat(back.getAuthenticationForProcessEngine("default").getIdentityId()).isEqualTo("steward1");
		assertThat(((UserAuthentication) back.getAuthenticationForProcessEngine("default")).getGroupIds())
			.containsExactly("steward:xingfu");
	}

	@SuppressWarnings("unchecked")
	private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return (T) in.readObject();
		}
	}
}
