package cn.needsloop.field;

import cn.needsloop.shared.Wording;

/**
 * A household's address within its grid: building / unit / room (楼栋·单元·室) in an urban grid, or villager
 * group / house number (村民小组·门牌号) in a rural one. Exactly one of the two forms is given.
 */
public record Address(String building, String unit, String room, String villagerGroup, String houseNo) {

	public boolean urban() {
		return building != null;
	}

	/** The same address always has the same key: the register has one household per key and grid. */
	public String key() {
		return urban() ? "B|" + building + "|" + (unit == null ? "" : unit) + "|" + room
				: "V|" + villagerGroup + "|" + houseNo;
	}

	/**
	 * As a person writes it, in the reader's language: 3号楼2单元301室 or "Building 3, Unit 2, Room 301",
	 * 东山村一组12号 or "东山村一组, No. 12". A part written in words (东楼) is kept as written.
	 */
	public Wording wording() {
		if (urban()) {
			return unit == null ? Wording.of("address.urbanNoUnit", part(building, "address.building"), part(room, "address.room"))
					: Wording.of("address.urban", part(building, "address.building"), part(unit, "address.unit"),
							part(room, "address.room"));
		}
		return Wording.of("address.rural", villagerGroup, part(houseNo, "address.houseNo"));
	}

	private static Wording part(String value, String key) {
		return value.matches("[0-9A-Za-z-]+") ? Wording.of(key, value) : Wording.of("text", value);
	}
}
