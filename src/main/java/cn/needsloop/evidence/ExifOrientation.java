package cn.needsloop.evidence;

import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of IFD0) and its application to the pixels. Phones store a photo as the
 * sensor saw it and say in EXIF how to turn it; the EXIF is not kept, so the turn is made on the pixels.
 */
final class ExifOrientation {

	private ExifOrientation() {
	}

	/** The orientation 1..8 of a JPEG, 1 where there is none or it cannot be read. */
	static int of(byte[] jpeg) {
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
			int marker = jpeg[at + 1] & 0xFF;
			if (marker == 0xDA || marker == 0xD9) {
				return 1;
			}
			int length = u16(jpeg, at + 2, true);
			if (length < 2) {
				return 1;
			}
			int data = at + 4;
			if (marker == 0xE1 && data + 14 <= jpeg.length && jpeg[data] == 'E' && jpeg[data + 1] == 'x'
					&& jpeg[data + 2] == 'i' && jpeg[data + 3] == 'f') {
				return fromTiff(jpeg, data + 6, Math.min(jpeg.length, at + 2 + length));
			}
			at += 2 + length;
		}
		return 1;
	}

	private static int fromTiff(byte[] b, int tiff, int end) {
		boolean bigEndian;
		if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
			bigEndian = true;
		}
		else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
			bigEndian = false;
		}
		else {
			return 1;
		}
		long ifd = tiff + u32(b, tiff + 4, bigEndian);
		if (ifd + 2 > end) {
			return 1;
		}
		int entries = u16(b, (int) ifd, bigEndian);
		for (int i = 0; i < entries; i++) {
			int entry = (int) ifd + 2 + 12 * i;
			if (entry + 12 > end) {
				return 1;
			}
			if (u16(b, entry, bigEndian) == 0x0112) {
				int value = u16(b, entry + 8, bigEndian);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	/** The picture turned and mirrored as its orientation says, so that it stands as it was taken. */
	static BufferedImage apply(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int tx;
				int ty;
				switch (orientation) {
					case 2 -> { tx = w - 1 - x; ty = y; }
					case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
					case 4 -> { tx = x; ty = h - 1 - y; }
					case 5 -> { tx = y; ty = x; }
					case 6 -> { tx = h - 1 - y; ty = x; }
					case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
					default -> { tx = y; ty = w - 1 - x; }
				}
				turned.setRGB(tx, ty, image.getRGB(x, y));
			}
		}
		return turned;
	}

	private static int u16(byte[] b, int at, boolean bigEndian) {
		if (at + 2 > b.length) {
			return 0;
		}
		return bigEndian ? ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF) : ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
	}

	private static long u32(byte[] b, int at, boolean bigEndian) {
		if (at + 4 > b.length) {
			return Integer.MAX_VALUE;
		}
		return bigEndian ? ((long) u16(b, at, true) << 16) | u16(b, at + 2, true)
				: ((long) u16(b, at + 2, false) << 16) | u16(b, at, false);
	}
}
