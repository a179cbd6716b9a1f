package cn.needsloop.notification;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.internet.MimeMessage;

/** E-mail over SMTP (spring.mail.*), plain text in UTF-8. */
public class EmailSender implements Sender {

	private final JavaMailSender mail;

	private final String from;

	public EmailSender(JavaMailSender mail, String from) {
		this.mail = mail;
		this.from = from;
	}

	@Override
	public OutboxChannel channel() {
		return OutboxChannel.EMAIL;
	}

	@Override
	public void send(String key, String address, String subject, String body) throws Exception {
		MimeMessage message = mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(from);
		helper.setTo(address);
		helper.setSubject(subject);
		helper.setText(body, false);
		message.saveChanges();
		// after saveChanges, which would replace it
		message.setHeader("Message-ID", "<" + key + "@" + domainOf(from) + ">");
		mail.send(message);
	}

	private static String domainOf(String address) {
		int at = address.lastIndexOf('@');
		String domain = at < 0 ? "needsloop" : address.substring(at + 1).replace(">", "").strip();
		return domain.isEmpty() ? "needsloop" : domain;
	}
}
