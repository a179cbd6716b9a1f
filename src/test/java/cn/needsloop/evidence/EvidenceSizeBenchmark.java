package cn.needsloop.evidence;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * How large a photo is once it is kept: a phone's 12-megapixel photo (4032 × 3024, JPEG quality 0.92 as phones
 * write it) of a street scene and of a sheet of paper, re-encoded as {@link FileInspector} keeps it (long edge
 * 2560, quality 0.82) with its thumbnail. A benchmark, not a test (not part of {@code ./mvnw verify}): run it with
 * {@code ./mvnw test -Dtest=EvidenceSizeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; the figures are printed
 * and recorded in docs/benchmarks.md.
 */
class EvidenceSizeBenchmark {

	private final FileInspector inspector = new FileInspector(DataSize.ofMegabytes(10), 50_000_000, 2560, 320, 0.82f);

	/** The same at a long edge of 1920 px, the choice docs/benchmarks.md weighs. */
	private final FileInspector smaller = new FileInspector(DataSize.ofMegabytes(10), 50_000_000, 1920, 320, 0.82f);

	@Test
	void sizeOfKeptPhotos() throws IOException {
		for (long seed = 1; seed <= 3; seed++) {
			byte[] street = phoneJpeg(streetScene(seed));
			measure("street scene " + seed, street, inspector);
			measure("  at 1920 px", street, smaller);
		}
		byte[] paper = phoneJpeg(paper());
		measure("sheet of paper", paper, inspector);
		measure("  at 1920 px", paper, smaller);
	}

	private static void measure(String what, byte[] original, FileInspector inspector) {
		long start = System.nanoTime();
		FileInspector.Inspected kept = inspector.inspect(original);
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("EVIDENCE %-16s original %,9d B  kept %,9d B (%dx%d)  thumbnail %,7d B  %,5d ms%n", what,
				original.length, kept.content().length, kept.width(), kept.height(), kept.thumbnail().length, millis);
	}

	/**
	 * A scene with what makes a street photo hard to compress: sky gradient, buildings with windows, foliage-like
	 * texture, edges, and sensor noise (σ 3 per channel, what a phone leaves after its own noise reduction).
	 */
	private static BufferedImage streetScene(long seed) {
		Random random = new Random(seed);
		int w = 4032;
		int h = 3024;
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		for (int y = 0; y < h / 3; y++) {
			g.setColor(new Color(120 + y * 80 / (h / 3), 160 + y * 60 / (h / 3), 230));
			g.drawLine(0, y, w, y);
		}
		for (int b = 0; b < 12; b++) {
			int bx = random.nextInt(w);
			int bw = 300 + random.nextInt(700);
			int by = h / 5 + random.nextInt(h / 4);
			g.setColor(new Color(150 + random.nextInt(80), 140 + random.nextInt(80), 130 + random.nextInt(80)));
			g.fillRect(bx, by, bw, h - by);
			for (int wy = by + 40; wy < h * 2 / 3; wy += 90) {
				for (int wx = bx + 30; wx < bx + bw - 60; wx += 110) {
					g.setColor(new Color(40 + random.nextInt(60), 60 + random.nextInt(60), 80 + random.nextInt(60)));
					g.fillRect(wx, wy, 60, 55);
				}
			}
		}
		for (int leaf = 0; leaf < 60_000; leaf++) {
			int x = random.nextInt(w);
			int y = h / 2 + random.nextInt(h / 2);
			g.setColor(new Color(30 + random.nextInt(70), 90 + random.nextInt(90), 20 + random.nextInt(50)));
			g.fillOval(x, y, 6 + random.nextInt(18), 6 + random.nextInt(18));
		}
		g.setColor(new Color(90, 90, 95));
		g.fillRect(0, h * 5 / 6, w, h / 6);
		g.dispose();
		addNoise(image, random, 3.0);
		return image;
	}

	/** A form or a receipt photographed: white paper, lines of text, a stamp, some shade and noise. */
	private static BufferedImage paper() {
		Random random = new Random(7);
		BufferedImage image = new BufferedImage(3024, 4032, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(new Color(235, 233, 228));
		g.fillRect(0, 0, 3024, 4032);
		g.setColor(new Color(30, 30, 35));
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 54));
		for (int y = 300; y < 3800; y += 90) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < 40; i++) {
				line.append((char) ('a' + random.nextInt(26)));
				if (random.nextInt(6) == 0) {
					line.append(' ');
				}
			}
			g.drawString(line.toString(), 250, y);
		}
		g.setColor(new Color(200, 30, 30));
		g.drawOval(2000, 3200, 600, 600);
		g.dispose();
		addNoise(image, random, 2.0);
		return image;
	}

	private static void addNoise(BufferedImage image, Random random, double sigma) {
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int r = clamp(((rgb >> 16) & 0xFF) + (int) (random.nextGaussian() * sigma));
				int gr = clamp(((rgb >> 8) & 0xFF) + (int) (random.nextGaussian() * sigma));
				int b = clamp((rgb & 0xFF) + (int) (random.nextGaussian() * sigma));
				image.setRGB(x, y, (r << 16) | (gr << 8) | b);
			}
		}
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

	private static byte[] phoneJpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.92f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}
}
