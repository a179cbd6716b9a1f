package cn.needsloop.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A suite whose outside service is missing is skipped with a line that says what to install or start,
 * and fails instead when CI requires the services ({@code -Dneedsloop.require-services=true}).
 */
class OutsideServicesTests {

	@AfterEach
	void clearProperties() {
		System.clearProperty("needsloop.test.chromium");
		System.clearProperty("needsloop.test.chromedriver");
		System.clearProperty("needsloop.test.mysql");
		System.clearProperty(OutsideServices.REQUIRE);
	}

	@Test
	void withoutChromiumTheBrowserTestsSayWhatToInstall() {
		System.setProperty("needsloop.test.chromium", "/nonexistent/chromium");
		assertThat(new OutsideServices.Browser().missing()).hasValueSatisfying(reason -> assertThat(reason)
			.startsWith("no Chromium at /nonexistent/chromium")
			.endsWith("apt-get install chromium chromium-driver fonts-wqy-microhei"));
	}

	@Test
	void withoutAServerTheMySqlTestsSayWhatToStart() {
		System.setProperty("needsloop.test.mysql", "127.0.0.1:1");
		assertThat(new OutsideServices.MySql().missing()).hasValueSatisfying(reason -> assertThat(reason)
			.startsWith("no MySQL/MariaDB server answers at jdbc:mysql://127.0.0.1:1/")
			.contains("mariadb-server"));
	}

	@Test
	void aMissingServiceSkipsTheSuiteOrFailsItWhenRequired() {
		ConditionEvaluationResult skipped = OutsideServices.decide("Browser tests", Optional.of("install chromium"));
		assertThat(skipped.isDisabled()).isTrue();
		assertThat(skipped.getReason()).hasValue("Browser tests skipped: install chromium");

		System.setProperty(OutsideServices.REQUIRE, "true");
		assertThatThrownBy(() -> OutsideServices.decide("Browser tests", Optional.of("install chromium")))
			.isInstanceOf(ExtensionConfigurationException.class)
			.hasMessage("Browser tests cannot run (needsloop.require-services=true): install chromium");
		assertThat(OutsideServices.decide("Browser tests", Optional.empty()).isDisabled()).isFalse();
	}
}
