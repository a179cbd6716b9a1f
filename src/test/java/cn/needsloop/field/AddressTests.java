package cn.needsloop.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A household's address is written as a person writes it, in the reader's language. */
class AddressTests {

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void anUrbanAddressInChineseAndEnglish() {
		Address address = new Address("3", "2", "301", null, null);
		assertThat(address.wording().render(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("3号楼2单元301室");
		assertThat(address.wording().render(messages, Locale.ENGLISH)).isEqualTo("Building 3, Unit 2, Room 301");
	}

	@Test
	void aPartWrittenInWordsIsKeptAsWritten() {
		Address address = new Address("东楼", null, "101", null, null);
		assertThat(address.wording().render(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("东楼101室");
		assertThat(address.wording().render(messages, Locale.ENGLISH)).isEqualTo("东楼, Room 101");
	}

	@Test
	void aRuralAddressInChineseAndEnglish() {
		Address address = new Address(null, null, null, "东山村一组", "12");
		assertThat(address.wording().render(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("东山村一组12号");
		assertThat(address.wording().render(messages, Locale.ENGLISH)).isEqualTo("东山村一组, No. 12");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}
}
