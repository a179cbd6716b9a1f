package cn.needsloop.evidence;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import cn.needsloop.shared.ProblemException;

/**
 * Looks at what a file is by its content, never its name: JPEG and PNG photos (decoded with ImageIO, so a file that
 * only looks like one is refused) and PDF documents (without scripts or automatic actions). A photo leaves here
 * re-encoded from its pixels: nothing of the original file but the picture, so the GPS position, the camera and
 * every other EXIF, XMP or IPTC entry stay behind; the EXIF orientation is applied to the pixels first so that
 * the photo still stands the right way up. Photos larger than {@code long-edge} are scaled down to it.
 */
@Component
class FileInspector {

	/** What a checked file became: the bytes to keep and show, their type, a thumbnail for a photo. */
	record Inspected(String contentType, byte[] content, byte[] thumbnail, Integer width, Integer height) {

		boolean image() {
			return contentType.startsWith("image/");
		}
	}

	/** Names that make a PDF run code or act on its own; a PDF that has one is refused. */
	private static final Set<String> ACTIVE_PDF_NAMES = Set.of("JS", "JavaScript", "Launch", "EmbeddedFile",
			"EmbeddedFiles", "RichMedia", "XFA", "SubmitForm", "ImportData");

	/** Stream filters whose content this check cannot read; a PDF that uses one is refused rather than let through. */
	private static final Set<String> UNREADABLE_PDF_FILTERS = Set.of("LZWDecode", "ASCII85Decode", "ASCIIHexDecode",
			"RunLengthDecode", "LZW", "A85", "AHx", "RL");

	private static final Pattern PDF_NAME = Pattern.compile("/([^\\s/\\[\\]()<>{}%]+)");

	private final long maxBytes;

	private final long maxPixels;

	private final int longEdge;

	private final int thumbnailEdge;

	private final float jpegQuality;

	FileInspector(@Value("${needsloop.evidence.max-size:10MB}") DataSize maxSize,
			@Value("${needsloop.evidence.max-pixels:50000000}") long maxPixels,
			@Value("${needsloop.evidence.long-edge:2560}") int longEdge,
			@Value("${needsloop.evidence.thumbnail-edge:320}") int thumbnailEdge,
			@Value("${needsloop.evidence.jpeg-quality:0.82}") float jpegQuality) {
		this.maxBytes = maxSize.toBytes();
		this.maxPixels = maxPixels;
		this.longEdge = longEdge;
		this.thumbnailEdge = thumbnailEdge;
		this.jpegQuality = jpegQuality;
	}

	long maxBytes() {
		return maxBytes;
	}

	/** The file as it is to be kept, or a problem that says why it is refused. */
	Inspected inspect(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "problem.evidence.empty");
		}
		if (bytes.length > maxBytes) {
			throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "problem.evidence.tooLarge", megabytes(maxBytes),
					megabytes(bytes.length));
		}
		if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return photo(bytes, "jpeg");
		}
		if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return photo(bytes, "png");
		}
		if (startsWith(bytes, 0, '%', 'P', 'D', 'F', '-')) {
			return pdf(bytes);
		}
		if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
			throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.evidence.webp");
		}
		if (startsWith(bytes, 4, 'f', 't', 'y', 'p')) {
			throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.evidence.heic");
		}
		throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.evidence.type");
	}

	// ---- photos --------------------------------------------------------------------------------------------

	private Inspected photo(byte[] bytes, String format) {
		BufferedImage decoded = decode(bytes, format);
		int orientation = "jpeg".equals(format) ? ExifOrientation.of(bytes) : 1;
		boolean alpha = "png".equals(format) && decoded.getColorModel().hasAlpha();
		BufferedImage picture = ExifOrientation.apply(scaled(decoded, longEdge, alpha), orientation);
		byte[] content = "png".equals(format) ? png(picture) : jpeg(picture);
		byte[] thumbnail = jpeg(scaled(picture, thumbnailEdge, false));
		return new Inspected("image/" + format, content, thumbnail, picture.getWidth(), picture.getHeight());
	}

	/**
	 * Decodes the picture without its metadata. The size is read from the header first: a picture of more than
	 * {@code max-pixels} is refused before it is decoded, a large one is decoded subsampled.
	 */
	private BufferedImage decode(byte[] bytes, String format) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
			if (!readers.hasNext()) {
				throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.evidence.type");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || (long) width * height > maxPixels) {
					throw new ProblemException(HttpStatus.BAD_REQUEST, "problem.evidence.tooManyPixels", width, height,
							maxPixels / 10_000);
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / (2 * longEdge));
				if (step > 1) {
					param.setSourceSubsampling(step, step, 0, 0);
				}
				BufferedImage image = reader.read(0, param);
				if (image == null) {
					throw new ProblemException(HttpStatus.BAD_REQUEST, "problem.evidence.corrupt");
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ProblemException problem) {
				throw problem;
			}
			throw new ProblemException(HttpStatus.BAD_REQUEST, "problem.evidence.corrupt");
		}
	}

	/** The picture with its long edge at most {@code edge}, halved step by step for a sharp result. */
	private static BufferedImage scaled(BufferedImage source, int edge, boolean alpha) {
		int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		BufferedImage current = source;
		double target = Math.min(1.0, (double) edge / Math.max(source.getWidth(), source.getHeight()));
		int finalWidth = Math.max(1, (int) Math.round(source.getWidth() * target));
		int finalHeight = Math.max(1, (int) Math.round(source.getHeight() * target));
		do {
			int width = Math.max(finalWidth, current.getWidth() / 2);
			int height = Math.max(finalHeight, current.getHeight() / 2);
			if (current != source && width == current.getWidth() && height == current.getHeight()) {
				break;
			}
			BufferedImage next = new BufferedImage(width, height, type);
			Graphics2D g = next.createGraphics();
			try {
				if (!alpha) {
					g.setColor(java.awt.Color.WHITE);
					g.fillRect(0, 0, width, height);
				}
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
				g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
				g.drawImage(current, 0, 0, width, height, null);
			}
			finally {
				g.dispose();
			}
			current = next;
		}
		while (current.getWidth() > finalWidth || current.getHeight() > finalHeight);
		return current;
	}

	private byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(jpegQuality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new IllegalStateException("JPEG encoding failed", ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new IllegalStateException("PNG encoding failed", ex);
		}
		return out.toByteArray();
	}

	// ---- PDF -----------------------------------------------------------------------------------------------

	/**
	 * A PDF is kept as it came, so it must not be able to do anything: every name in it, in the file and in each
	 * compressed stream (object streams hide dictionaries there), with {@code #xx} escapes decoded, is looked at;
	 * scripts, launch actions, embedded files and forms that submit are refused, as are encrypted files and
	 * filters this check cannot read.
	 */
	private Inspected pdf(byte[] bytes) {
		String raw = new String(bytes, StandardCharsets.ISO_8859_1);
		if (raw.lastIndexOf("%%EOF") < 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "problem.evidence.pdfCorrupt");
		}
		checkNames(raw);
		long budget = 20 * maxBytes;
		int at = 0;
		while ((at = raw.indexOf("stream", at)) >= 0) {
			int start = at + "stream".length();
			at = start;
			if (start > "stream".length() && raw.startsWith("end", start - "endstream".length())) {
				continue;
			}
			if (raw.startsWith("\r\n", start)) {
				start += 2;
			}
			else if (raw.startsWith("\n", start) || raw.startsWith("\r", start)) {
				start += 1;
			}
			else {
				continue;
			}
			int end = raw.indexOf("endstream", start);
			if (end < 0) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "problem.evidence.pdfCorrupt");
			}
			String inflated = inflate(bytes, start, end - start, budget);
			if (inflated != null) {
				budget -= inflated.length();
				checkNames(inflated);
			}
			at = end + "endstream".length();
		}
		return new Inspected("application/pdf", bytes, null, null, null);
	}

	private static void checkNames(String text) {
		Matcher names = PDF_NAME.matcher(text);
		while (names.find()) {
			String name = decodeName(names.group(1));
			if (ACTIVE_PDF_NAMES.contains(name)) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "problem.evidence.pdfScript", "/" + name);
			}
			if ("Encrypt".equals(name)) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "problem.evidence.pdfEncrypted");
			}
			if (UNREADABLE_PDF_FILTERS.contains(name)) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "problem.evidence.pdfFilter", "/" + name);
			}
		}
	}

	/** A PDF name with its {@code #xx} escapes decoded: {@code /J#61vaScript} is {@code /JavaScript}. */
	static String decodeName(String name) {
		if (name.indexOf('#') < 0) {
			return name;
		}
		StringBuilder decoded = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '#' && i + 2 < name.length()) {
				try {
					decoded.append((char) Integer.parseInt(name.substring(i + 1, i + 3), 16));
					i += 2;
					continue;
				}
				catch (NumberFormatException ex) {
					// not an escape: kept as it is
				}
			}
			decoded.append(c);
		}
		return decoded.toString();
	}

	/** The stream inflated, or null if it is not Flate data; past the budget the PDF counts as a bomb. */
	private static String inflate(byte[] bytes, int offset, int length, long budget) {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(bytes, offset, length);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				out.write(buffer, 0, n);
				if (out.size() > budget) {
					throw new ProblemException(HttpStatus.BAD_REQUEST, "problem.evidence.pdfCorrupt");
				}
			}
			return out.toString(StandardCharsets.ISO_8859_1);
		}
		catch (DataFormatException ex) {
			return null;
		}
		finally {
			inflater.end();
		}
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	private static boolean startsWith(byte[] bytes, int offset, int... expected) {
		if (bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	/** A size as people read it: "10 MB", "10.5 MB". */
	static String megabytes(long bytes) {
		double mb = bytes / (1024.0 * 1024.0);
		return mb == Math.floor(mb) ? (long) mb + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", mb);
	}
}
