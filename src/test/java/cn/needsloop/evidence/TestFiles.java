package cn.needsloop.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/** Files as phones and scanners make them, built byte by byte for the evidence tests. */
public final class TestFiles {

	/** The camera named in the EXIF of {@link #jpegWithGps}. */
	public static final String CAMERA = "NeedsLoopTestCam";

	/** The map datum written into its GPS block. */
	public static final String GPS_DATUM = "GPS-WGS-84-TEST";

	private TestFiles() {
	}

	/**
	 * A JPEG as a phone writes it: JFIF, then an EXIF block with the camera's make, an orientation and a GPS block
	 * (latitude 31°13'49" N, longitude 121°28'25" E).
	 */
	public static byte[] jpegWithGps(int width, int height, int orientation) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(40, 120, 200));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", plain);
		byte[] jpeg = plain.toByteArray();
		// after SOI and the JFIF APP0 segment
		int app0End = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		byte[] exif = exif(orientation);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, app0End);
		out.write(0xFF);
		out.write(0xE1);
		int length = exif.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(exif);
		out.write(jpeg, app0End, jpeg.length - app0End);
		return out.toByteArray();
	}

	/** "Exif\0\0" and a big-endian TIFF: IFD0 (Make, Orientation, GPS pointer) and the GPS IFD. */
	private static byte[] exif(int orientation) {
		ByteBuffer tiff = ByteBuffer.allocate(512);
		byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
		byte[] datum = (GPS_DATUM + "\0").getBytes(StandardCharsets.US_ASCII);
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		int ifd0 = 8;
		int ifd0Size = 2 + 3 * 12 + 4;
		int gps = ifd0 + ifd0Size;
		int gpsSize = 2 + 5 * 12 + 4;
		int data = gps + gpsSize;
		int makeAt = data;
		int datumAt = makeAt + make.length;
		int latitudeAt = datumAt + datum.length;
		int longitudeAt = latitudeAt + 24;
		// IFD0
		tiff.putShort((short) 3);
		entry(tiff, 0x010F, 2, make.length, makeAt);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		entry(tiff, 0x8825, 4, 1, gps);
		tiff.putInt(0);
		// GPS IFD
		tiff.putShort((short) 5);
		tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		entry(tiff, 0x0002, 5, 3, latitudeAt);
		tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
		entry(tiff, 0x0004, 5, 3, longitudeAt);
		entry(tiff, 0x0012, 2, datum.length, datumAt);
		tiff.putInt(0);
		tiff.put(make).put(datum);
		for (int v : new int[] { 31, 1, 13, 1, 49, 1, 121, 1, 28, 1, 25, 1 }) {
			tiff.putInt(v);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
		out.write(tiff.array(), 0, tiff.position());
		return out.toByteArray();
	}

	private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
		b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

	public static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.GREEN);
		g.fillRect(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	public static byte[] webpHeader() {
		return "RIFF\u0024\0\0\0WEBPVP8 \0\0\0\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
	}

	public static byte[] heicHeader() {
		return "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A one-object PDF whose catalog holds {@code catalogExtra}. */
	public static byte[] pdf(String catalogExtra) {
		return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>\nendobj\n"
				+ "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A PDF whose object {@code 3} lives, Flate-compressed, in an object stream, as PDF 1.5 writers do. */
	public static byte[] pdfWithCompressedObject(String object) throws IOException {
		byte[] plain = ("3 0 " + object).getBytes(StandardCharsets.ISO_8859_1);
		Deflater deflater = new Deflater();
		deflater.setInput(plain);
		deflater.finish();
		byte[] buffer = new byte[4096];
		int n = deflater.deflate(buffer);
		deflater.end();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>\nendobj\n"
				+ "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n4 0 obj\n<< /Type /ObjStm /N 1 /First 4 "
				+ "/Filter /FlateDecode /Length " + n + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
		out.write(buffer, 0, n);
		out.writeBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
		return out.toByteArray();
	}

	public static boolean contains(byte[] bytes, String text) {
		return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
	}
}
