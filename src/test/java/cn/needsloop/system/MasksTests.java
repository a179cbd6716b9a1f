package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How masked phone numbers and names read. */
class MasksTests {

	@Test
	void phoneKeepsItsFirstThreeAndLastFourDigits() {
		assertThat(Masks.phone("13800000001")).isEqualTo("138****0001");
		assertThat(Masks.phone("138 0000 0001")).isEqualTo("138****0001");
		assertThat(Masks.phone("+86 138-0000-0001")).isEqualTo("138****0001");
		assertThat(Masks.phone("0535-6600000")).isEqualTo("053****0000");
	}

	@Test
	void shortPhoneKeepsOnlyItsLastTwoDigits() {
		assertThat(Masks.phone("12345")).isEqualTo("****45");
		assertThat(Masks.phone("1234")).isEqualTo("****");
		assertThat(Masks.phone(null)).isNull();
	}

	@Test
	void nameKeepsItsFirstCharacterAndHidesItsLength() {
		assertThat(Masks.name("刘秀英")).isEqualTo("刘**");
		assertThat(Masks.name("欧阳娜娜")).isEqualTo("欧**");
		assertThat(Masks.name("王")).isEqualTo("王**");
		assertThat(Masks.name(" 𠀀字 ")).isEqualTo("𠀀**");
		assertThat(Masks.name(null)).isNull();
	}

	@Test
	void maskingTwiceChangesNothing() {
		assertThat(Masks.phone(Masks.phone("13800000001"))).isEqualTo("138****0001");
		assertThat(Masks.name(Masks.name("刘秀英"))).isEqualTo("刘**");
	}
}
