package cn.needsloop.field;

import cn.needsloop.shared.ChinaTime;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.community.Communities;
import cn.needsloop.community.Grid;
import cn.needsloop.community.Grids;
import cn.needsloop.field.HouseholdRequests.SaveHousehold;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/**
 * The household register of each community. Stewards (and managers) enter, import and export it; the community's
 * staff read it; the head's name, the phone and the care tags only the grid's workers, the community's stewards and
 * managers see in full ({@link HouseholdView}). Every look at households' records is logged
 * ({@link HouseholdViewEntry}).
 */
@Service
@Transactional
public class HouseholdService {

	private final Households households;

	private final Grids grids;

	private final Communities communities;

	private final VisitFrequency frequency;

	private final HouseholdViewLog viewLog;

	private final MessageSource messages;

	HouseholdService(Households households, Grids grids, Communities communities, VisitFrequency frequency,
			HouseholdViewLog viewLog, MessageSource messages) {
		this.messages = messages;
		this.households = households;
		this.grids = grids;
		this.communities = communities;
		this.frequency = frequency;
		this.viewLog = viewLog;
	}

	/** Today in China, the day visits are counted by. */
	public static LocalDate today() {
		return TimeLimits.nowInstant().atZone(ChinaTime.ZONE).toLocalDate();
	}

	/** Whether the reader sees the household's personal data in full: its grid's workers, stewards, managers. */
	public static boolean serves(Actor actor, Household household) {
		return actor.isManager() || actor.isStewardOf(household.getCommunityCode())
				|| actor.isGridWorkerOf(household.getGridCode());
	}

	/** Whether the reader works for the community at all (and so may read its register, masked where not served). */
	boolean worksFor(Actor actor, String communityCode) {
		if (actor.isManager() || actor.isStewardOf(communityCode) || actor.isPartyOf(communityCode)
				|| actor.isSelfGovernanceOf(communityCode)) {
			return true;
		}
		return actor.gridCodes().stream()
			.anyMatch(g -> grids.findById(g).map(Grid::getCommunityCode).filter(communityCode::equals).isPresent());
	}

	void requireSteward(Actor actor, String communityCode) {
		if (!communities.existsById(communityCode)) {
			throw ProblemException.badField("communityCode", "problem.community.unknown", communityCode);
		}
		if (!actor.isManager() && !actor.isStewardOf(communityCode)) {
			throw ProblemException.forbidden("problem.household.stewardOnly", communityCode);
		}
	}

	Grid gridOf(String communityCode, String gridCode) {
		return grids.findById(gridCode)
			.filter(g -> g.getCommunityCode().equals(communityCode))
			.orElseThrow(() -> ProblemException.badField("gridCode", "problem.grid.unknown", gridCode));
	}

	/** A household entered by hand (or its head, phone and tags corrected, when its address is in the register). */
	public HouseholdView save(String communityCode, SaveHousehold request, Actor actor) {
		requireSteward(actor, communityCode);
		Grid grid = gridOf(communityCode, request.gridCode().strip());
		Address address = address(request.building(), request.unit(), request.room(), request.villagerGroup(),
				request.houseNo());
		List<String> unknown = new ArrayList<>();
		List<String> tags = CareTags.parse(request.careTags(), unknown);
		if (!unknown.isEmpty()) {
			throw ProblemException.badField("careTags", "problem.household.unknownTag", String.join("、", unknown));
		}
		Household household = households.findByGridCodeAndAddressKey(grid.getCode(), address.key()).orElse(null);
		if (household == null) {
			household = new Household(communityCode, grid.getCode(), address, TimeLimits.nowInstant());
		}
		household.describe(request.headName().strip(), blankToNull(request.phone()), CareTags.format(tags),
				frequency.of(tags), today());
		household = households.save(household);
		log(actor, household, 1, "SAVE");
		return HouseholdView.of(household, true, messages);
	}

	static Address address(String building, String unit, String room, String villagerGroup, String houseNo) {
		building = blankToNull(building);
		unit = blankToNull(unit);
		room = blankToNull(room);
		villagerGroup = blankToNull(villagerGroup);
		houseNo = blankToNull(houseNo);
		if (building != null && villagerGroup != null) {
			throw ProblemException.badField("villagerGroup", "problem.household.bothAddresses");
		}
		if (building != null) {
			if (room == null) {
				throw ProblemException.badField("room", "problem.household.roomMissing");
			}
			return new Address(building, unit, room, null, null);
		}
		if (villagerGroup != null) {
			if (houseNo == null) {
				throw ProblemException.badField("houseNo", "problem.household.houseNoMissing");
			}
			return new Address(null, null, null, villagerGroup, houseNo);
		}
		throw ProblemException.badField("building", "problem.household.addressMissing");
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** One household's record; the look is logged. */
	public HouseholdView view(Long id, Actor actor) {
		Household household = households.findById(id).orElseThrow(() -> ProblemException.notFound("household", id));
		if (!worksFor(actor, household.getCommunityCode())) {
			throw ProblemException.forbidden("problem.household.notYours", id);
		}
		boolean serves = serves(actor, household);
		log(actor, household, 1, serves ? "RECORD" : "RECORD_MASKED");
		return HouseholdView.of(household, serves, messages);
	}

	/** A page of a community's register (or of one grid's); the look is logged once, with how many records it showed. */
	public Page<HouseholdView> list(String communityCode, String gridCode, int page, int size, Actor actor) {
		if (!communities.existsById(communityCode)) {
			throw ProblemException.badField("communityCode", "problem.community.unknown", communityCode);
		}
		if (!worksFor(actor, communityCode)) {
			throw ProblemException.forbidden("problem.community.notYours", communityCode);
		}
		PageRequest request = PageRequest.of(page, size);
		Page<Household> found;
		if (gridCode != null && !gridCode.isBlank()) {
			gridOf(communityCode, gridCode);
			found = households.findByGridCodeOrderByAddressKeyAsc(gridCode, request);
		}
		else {
			found = households.findByCommunityCodeOrderByGridCodeAscAddressKeyAsc(communityCode, request);
		}
		if (found.getNumberOfElements() > 0) {
			viewLog.save(new HouseholdViewEntry(actor.userId(), null, gridCode == null || gridCode.isBlank() ? "*" : gridCode,
					communityCode, found.getNumberOfElements(), "LIST", TimeLimits.nowInstant()));
		}
		return found.map(h -> HouseholdView.of(h, serves(actor, h), messages));
	}

	/** Whether the register is empty (for the demo data). */
	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return households.count() == 0;
	}

	/** Where a household is, for a need reported about it. */
	@Transactional(readOnly = true)
	public java.util.Optional<Household> find(Long id) {
		return households.findById(id);
	}

	void log(Actor actor, Household household, int count, String what) {
		viewLog.save(new HouseholdViewEntry(actor.userId(), household.getId(), household.getGridCode(),
				household.getCommunityCode(), count, what, TimeLimits.nowInstant()));
	}

	/**
	 * The register of a community as an .xlsx sheet in the import's own columns (so it can be edited and imported back),
	 * headed in {@code locale}.
	 */
	public void export(String communityCode, Actor actor, OutputStream out, Locale locale) throws IOException {
		requireSteward(actor, communityCode);
		HouseholdSheets.write(communityCode, households, out, messages, locale);
		viewLog.save(new HouseholdViewEntry(actor.userId(), null, "*", communityCode,
				(int) households.countByCommunityCode(communityCode), "EXPORT", TimeLimits.nowInstant()));
	}
}
