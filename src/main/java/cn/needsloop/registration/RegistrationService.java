package cn.needsloop.registration;

import cn.needsloop.shared.ChinaTime;
import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.process.Accounts;
import cn.needsloop.process.ProcessGateway;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Communities;
import cn.needsloop.community.Organization;
import cn.needsloop.community.Organizations;
import cn.needsloop.shared.Category;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.registration.RegistrationRequests.Register;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.Disclosure;
import cn.needsloop.system.Disclosures;
import cn.needsloop.system.PersonalData;
import cn.needsloop.system.PersonalData.Revealed;
import cn.needsloop.system.PersonalDataReveal;
import cn.needsloop.shared.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * 双报到: party organisations and members register with a community. A team (组团式 organisation)
 * also becomes an implementer ({@link Organization} of kind PARTY_VOLUNTEER_TEAM), so that a manager
 * can hand it a project nobody claimed.
 */
@Service
@Transactional
public class RegistrationService {


	private final Registrations registrations;

	private final Communities communities;

	private final Organizations organizations;

	private final Accounts accounts;

	private final EntityManager em;

	private final Disclosures disclosures;

	private final PersonalData personalData;

	RegistrationService(Registrations registrations, Communities communities, Organizations organizations,
			Accounts accounts, EntityManager em, Disclosures disclosures, PersonalData personalData) {
		this.registrations = registrations;
		this.communities = communities;
		this.organizations = organizations;
		this.accounts = accounts;
		this.em = em;
		this.disclosures = disclosures;
		this.personalData = personalData;
	}

	/** The staff of the community serve its roster: they see registrants' names and accounts. */
	private Disclosure disclosure(Actor actor, String communityCode) {
		return disclosures.of(actor, isStaffOf(actor, communityCode));
	}

	/** Party line, steward of the community, or manager: may register units and act for registrants. */
	static boolean isStaffOf(Actor actor, String communityCode) {
		return actor.isManager() || actor.isPartyOf(communityCode) || actor.isStewardOf(communityCode);
	}

	public PartyRegistration register(Register request, Actor actor) {
		String community = request.communityCode().trim();
		if (!communities.existsById(community)) {
			throw ProblemException.badField("communityCode", "problem.community.unknown", community);
		}
		boolean staff = isStaffOf(actor, community);
		if (request.kind() == PartyRegistration.Kind.ORGANIZATION && !staff) {
			throw ProblemException.forbidden("problem.registration.unitByStaff", community);
		}
		String username = blankToNull(request.username());
		if (!staff) {
			if (username != null && !username.equals(actor.userId())) {
				throw ProblemException.forbidden("problem.registration.selfOnly");
			}
			username = actor.userId();
		}
		else if (username != null && !accounts.exists(username)) {
			throw ProblemException.badField("username", "problem.registration.userUnknown", username);
		}
		PartyRegistration.Style style = request.style() == null ? PartyRegistration.Style.MENU : request.style();
		if (request.kind() == PartyRegistration.Kind.ORGANIZATION && style == PartyRegistration.Style.TEAM
				&& username == null) {
			throw ProblemException.badField("username", "problem.registration.teamAccount");
		}
		String name = request.name().trim();
		if (username != null && registrations.existsByCommunityCodeAndUsernameAndStatus(community, username,
				PartyRegistration.Status.ACTIVE)) {
			throw ProblemException.conflict("problem.registration.duplicateUser", username, community);
		}
		if (request.kind() == PartyRegistration.Kind.ORGANIZATION && registrations
			.existsByCommunityCodeAndKindAndNameAndStatus(community, request.kind(), name, PartyRegistration.Status.ACTIVE)) {
			throw ProblemException.conflict("problem.registration.duplicateUnit", name, community);
		}
		Set<String> skills = new TreeSet<>();
		request.skills().forEach(skill -> skills.add(skill.trim()));
		PartyRegistration registration = registrations.saveAndFlush(new PartyRegistration(community, request.kind(),
				style, name, request.unit().trim(), request.phone().trim(), username, skills,
				blankToNull(request.offers()), actor.userId(), TimeLimits.nowInstant()));
		if (registration.isTeam()) {
			registration.actsAsOrganization(teamOrganization(registration).getCode());
		}
		return registration;
	}

	/**
	 * The implementer a registered team acts as: the party-member volunteer team its account already
	 * acts for, or a new one ({@code team-<registration id>}).
	 */
	private Organization teamOrganization(PartyRegistration team) {
		return organizations.findByAccountUser(team.getUsername()).map(existing -> {
			if (existing.getKind() != Organization.Kind.PARTY_VOLUNTEER_TEAM) {
				throw ProblemException.conflict("problem.registration.accountIsOrganization", team.getUsername(),
						existing.getName());
			}
			return existing;
		})
			.orElseGet(() -> organizations.save(new Organization("team-" + team.getId(), cut(team.getName(), 100),
					Organization.Kind.PARTY_VOLUNTEER_TEAM, team.getUsername(), EnumSet.noneOf(Category.class))));
	}

	@Transactional(readOnly = true)
	public RegistrationView view(Long id, Actor actor) {
		PartyRegistration registration = registrations.require(id);
		if (!isStaffOf(actor, registration.getCommunityCode()) && !registration.isAnsweredBy(actor.userId())) {
			throw ProblemException.forbidden("problem.registration.notYours", id);
		}
		return RegistrationView.of(registration, disclosure(actor, registration.getCommunityCode()));
	}

	/** The steward of the community sees a registrant's phone number in full; recorded. */
	public Revealed revealPhone(Long id, Actor actor) {
		PartyRegistration registration = registrations.require(id);
		return personalData.reveal(actor, registration.getCommunityCode(), PersonalDataReveal.Record.REGISTRATION, id,
				"phone", registration.getPhone());
	}

	/**
	 * The registrations of a community (optionally offering one skill) for its party line, stewards
	 * and managers; anyone else sees only their own registrations.
	 */
	@Transactional(readOnly = true)
	public List<RegistrationView> list(String communityCode, String skill, Actor actor) {
		String s = blankToNull(skill);
		if (communityCode == null || !isStaffOf(actor, communityCode)) {
			return registrations.findByUsernameOrderByIdDesc(actor.userId()).stream()
				.filter(r -> communityCode == null || r.getCommunityCode().equals(communityCode))
				.filter(r -> s == null || r.getSkills().contains(s))
				.map(r -> RegistrationView.of(r, disclosure(actor, r.getCommunityCode())))
				.toList();
		}
		Disclosure disclosure = disclosure(actor, communityCode);
		return registrations.findByCommunity(communityCode, s).stream()
			.map(r -> RegistrationView.of(r, disclosure))
			.toList();
	}

	@Transactional(readOnly = true)
	public RegistrationKpis kpis(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		String c = communityCode;
		if (!actor.isManager()) {
			if (c == null) {
				c = actor.groups().stream()
					.filter(g -> CommunityGroup.PARTY.is(g) || CommunityGroup.STEWARD.is(g))
					.map(g -> g.substring(g.indexOf(':') + 1))
					.findFirst()
					.orElseThrow(() -> ProblemException.forbidden("problem.registration.kpiForbidden"));
			}
			if (!actor.isPartyOf(c) && !actor.isStewardOf(c)) {
				throw ProblemException.forbidden("problem.community.notYours", c);
			}
		}
		LocalDate today = TimeLimits.nowInstant().atZone(ChinaTime.ZONE).toLocalDate();
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.minusDays(29) : from;
		if (start.isAfter(end)) {
			throw ProblemException.badField("from", "problem.kpi.period", start, end);
		}
		Instant a = start.atStartOfDay(ChinaTime.ZONE).toInstant();
		Instant b = end.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
		String inCommunity = c == null ? "" : " and x.communityCode = :c";

		String registered = "select count(x) from PartyRegistration x where x.registeredAt < :b"
				+ " and x.status = cn.needsloop.registration.PartyRegistration.Status.ACTIVE" + inCommunity
				+ " and x.kind = cn.needsloop.registration.PartyRegistration.Kind.";
		long units = query(registered + "ORGANIZATION", Long.class, null, b, c).getSingleResult();
		long members = query(registered + "MEMBER", Long.class, null, b, c).getSingleResult();

		String dispatches = " from Dispatch x where x.requestedAt >= :a and x.requestedAt < :b" + inCommunity;
		long requested = query("select count(x)" + dispatches, Long.class, a, b, c).getSingleResult();
		long filled = query("select count(x)" + dispatches
				+ " and x.status = cn.needsloop.registration.Dispatch.Status.FILLED", Long.class, a, b, c).getSingleResult();

		String offers = " from DispatchOffer o, Dispatch x where o.dispatchId = x.id and o.invitedAt >= :a"
				+ " and o.invitedAt < :b" + inCommunity;
		long invitations = query("select count(o)" + offers, Long.class, a, b, c).getSingleResult();
		long inTime = query("select count(o)" + offers + " and o.answeredAt is not null and o.answeredAt <= o.dueAt",
				Long.class, a, b, c).getSingleResult();

		Map<String, BigDecimal> byUnit = new TreeMap<>();
		query("select x.unit, sum(x.hours) from ServiceHours x where x.recordedAt >= :a and x.recordedAt < :b"
				+ inCommunity + " group by x.unit", Object[].class, a, b, c).getResultList()
			.forEach(row -> byUnit.put((String) row[0], (BigDecimal) row[1]));
		BigDecimal total = byUnit.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return new RegistrationKpis(c, start, end, units, members, requested, filled, invitations, inTime,
				invitations == 0 ? null : Math.round(10000.0 * inTime / invitations) / 10000.0, total, byUnit);
	}

	private <T> TypedQuery<T> query(String jpql, Class<T> type, Instant a, Instant b, String c) {
		TypedQuery<T> query = em.createQuery(jpql, type).setParameter("b", b);
		if (a != null) {
			query.setParameter("a", a);
		}
		if (c != null) {
			query.setParameter("c", c);
		}
		return query;
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
