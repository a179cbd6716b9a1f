package cn.needsloop.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import cn.needsloop.shared.ProblemException;

/** What {@link FileInspector} takes and refuses, looking at content only; see EvidenceControllerTests for the API. */
class FileInspectorTests {

	private final FileInspector inspector = new FileInspector(DataSize.ofMegabytes(10), 50_000_000, 2560, 320, 0.82f);

	@Test
	void keepsAPhotoWithoutItsExifAndTurnsItAsTheExifSaid() throws IOException {
		// 40 x 20 landscape, EXIF orientation 6 (turn 90° clockwise) and a GPS block
		byte[] jpeg = TestFiles.jpegWithGps(40, 20, 6);
		assertThat(TestFiles.contains(jpeg, "Exif")).isTrue();

		FileInspector.Inspected kept = inspector.inspect(jpeg);

		assertThat(kept.contentType()).isEqualTo("image/jpeg");
		assertThat(TestFiles.contains(kept.content(), "Exif")).isFalse();
		assertThat(TestFiles.contains(kept.content(), "GPS")).isFalse();
		assertThat(TestFiles.contains(kept.content(), TestFiles.CAMERA)).isFalse();
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(kept.content()));
		assertThat(picture.getWidth()).isEqualTo(20);
		assertThat(picture.getHeight()).isEqualTo(40);
		assertThat(kept.thumbnail()).isNotEmpty();
	}

	@Test
	void scalesALargePhotoDownToTheLongEdge() throws IOException {
		FileInspector small = new FileInspector(DataSize.ofMegabytes(10), 50_000_000, 100, 32, 0.82f);
		FileInspector.Inspected kept = small.inspect(TestFiles.png(400, 200));
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(kept.content()));
		assertThat(kept.contentType()).isEqualTo("image/png");
		assertThat(picture.getWidth()).isEqualTo(100);
		assertThat(picture.getHeight()).isEqualTo(50);
		BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(kept.thumbnail()));
		assertThat(thumbnail.getWidth()).isEqualTo(32);
	}

	@Test
	void refusesWhatIsNotAPhotoOrAPdf() {
		assertRefused("这是一段文字，不是照片".getBytes(StandardCharsets.UTF_8), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"problem.evidence.type");
		assertRefused(TestFiles.webpHeader(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.evidence.webp");
		assertRefused(TestFiles.heicHeader(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.evidence.heic");
		assertRefused(new byte[0], HttpStatus.BAD_REQUEST, "problem.evidence.empty");
	}

	@Test
	void refusesACorruptPhoto() throws IOException {
		byte[] jpeg = TestFiles.jpegWithGps(40, 20, 1);
		byte[] cut = java.util.Arrays.copyOf(jpeg, 30);
		assertRefused(cut, HttpStatus.BAD_REQUEST, "problem.evidence.corrupt");
	}

	@Test
	void refusesAPictureOfTooManyPixelsBeforeDecodingIt() throws IOException {
		FileInspector strict = new FileInspector(DataSize.ofMegabytes(10), 1_000, 2560, 320, 0.82f);
		assertThatThrownBy(() -> strict.inspect(TestFiles.png(100, 100))).isInstanceOfSatisfying(ProblemException.class,
				p -> assertThat(p.messageKey()).isEqualTo("problem.evidence.tooManyPixels"));
	}

	@Test
	void refusesAFileOverTheLimit() {
		FileInspector tiny = new FileInspector(DataSize.ofBytes(100), 50_000_000, 2560, 320, 0.82f);
		assertThatThrownBy(() -> tiny.inspect(new byte[101])).isInstanceOfSatisfying(ProblemException.class,
				p -> assertThat(p.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
	}

	@Test
	void keepsAPlainPdfAsItCame() {
		byte[] pdf = TestFiles.pdf("");
		FileInspector.Inspected kept = inspector.inspect(pdf);
		assertThat(kept.contentType()).isEqualTo("application/pdf");
		assertThat(kept.content()).isEqualTo(pdf);
		assertThat(kept.thumbnail()).isNull();
	}

	@Test
	void refusesAPdfWithAScriptHoweverItIsWritten() throws IOException {
		assertRefused(TestFiles.pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), HttpStatus.BAD_REQUEST,
				"problem.evidence.pdfScript");
		assertRefused(TestFiles.pdf("/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>"), HttpStatus.BAD_REQUEST,
				"problem.evidence.pdfScript");
		assertRefused(TestFiles.pdfWithCompressedObject("<< /S /JavaScript /JS (app.alert(1)) >>"),
				HttpStatus.BAD_REQUEST, "problem.evidence.pdfScript");
		assertRefused(TestFiles.pdf("/OpenAction << /S /Launch /F (cmd.exe) >>"), HttpStatus.BAD_REQUEST,
				"problem.evidence.pdfScript");
		assertRefused(TestFiles.pdf("/Encrypt 9 0 R"), HttpStatus.BAD_REQUEST, "problem.evidence.pdfEncrypted");
	}

	@Test
	void readsPdfNameEscapes() {
		assertThat(FileInspector.decodeName("J#61vaScript")).isEqualTo("JavaScript");
		assertThat(FileInspector.decodeName("A#zz")).isEqualTo("A#zz");
	}

	private void assertRefused(byte[] bytes, HttpStatus status, String key) {
		assertThatThrownBy(() -> inspector.inspect(bytes)).isInstanceOfSatisfying(ProblemException.class, p -> {
			assertThat(p.messageKey()).isEqualTo(key);
			assertThat(p.status()).isEqualTo(status);
		});
	}
}
