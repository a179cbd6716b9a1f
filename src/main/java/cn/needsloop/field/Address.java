package cn.needsloop.field;

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

	/** As a person writes it: 3号楼2单元301室, 东山村一组12号. */
	public String text() {
		if (urban()) {
			return suffixed(building, "号楼") + (unit == null ? "" : suffixed(unit, "单元")) + suffixed(room, "室");
		}
		return villagerGroup + suffixed(houseNo, "号");
	}

	private static String suffixed(String value, String suffix) {
		return value.matches("[0-9A-Za-z-]+") ? value + suffix : value;
	}
}
