package cn.needsloop.notification;

import java.net.URI;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The channels a deployment turns on (all off by default): e-mail through {@code spring.mail.*}, SMS and WeChat
 * template messages through the deployment's HTTP adapters (README, Notifications).
 */
@Configuration(proxyBeanMethods = false)
class OutboxSenders {

	@Bean
	@ConditionalOnProperty(name = "needsloop.notifications.email.enabled", havingValue = "true")
	Sender emailSender(JavaMailSender mail, @Value("${needsloop.notifications.email.from}") String from) {
		return new EmailSender(mail, from);
	}

	@Bean
	@ConditionalOnProperty(name = "needsloop.notifications.sms.enabled", havingValue = "true")
	Sender smsSender(@Value("${needsloop.notifications.sms.url}") URI url,
			@Value("${needsloop.notifications.sms.token:}") String token,
			@Value("${needsloop.notifications.sms.template:}") String template,
			@Value("${needsloop.notifications.http-timeout:PT10S}") Duration timeout) {
		return new HttpSender(OutboxChannel.SMS, url, token, template, timeout);
	}

	@Bean
	@ConditionalOnProperty(name = "needsloop.notifications.wechat.enabled", havingValue = "true")
	Sender wechatSender(@Value("${needsloop.notifications.wechat.url}") URI url,
			@Value("${needsloop.notifications.wechat.token:}") String token,
			@Value("${needsloop.notifications.wechat.template:}") String template,
			@Value("${needsloop.notifications.http-timeout:PT10S}") Duration timeout) {
		return new HttpSender(OutboxChannel.WECHAT, url, token, template, timeout);
	}
}
