package cn.needsloop.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * KPIs of dual registration (双报到) over a period: units and members registered (active, by the
 * end of the period), dispatches requested and filled in the period, invitations sent in it and
 * how many were answered before their answer limit ({@code dispatchesAnsweredInTime} is that
 * share, null without invitations), and the hours recorded in it, in total and by unit.
 */
public record RegistrationKpis(String communityCode, LocalDate from, LocalDate to, long registeredUnits,
		long registeredMembers, long dispatches, long dispatchesFilled, long invitations,
		long invitationsAnsweredInTime, Double dispatchesAnsweredInTime, BigDecimal hoursServed,
		Map<String, BigDecimal> hoursByUnit) {
}
