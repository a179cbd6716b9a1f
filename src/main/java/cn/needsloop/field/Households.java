package cn.needsloop.field;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Households extends JpaRepository<Household, Long> {

	/** The households of a grid due a visit on a day, the longest overdue first (index ix_household_due). */
	@Query("select h from Household h where h.gridCode = ?1 and h.nextVisitOn <= ?2 order by h.nextVisitOn, h.id")
	@org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(
			name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
	List<Household> dueIn(String gridCode, LocalDate day);

	/** A page of {@link #dueIn(String, LocalDate)}, in the same order. */
	@Query("select h from Household h where h.gridCode = ?1 and h.nextVisitOn <= ?2 order by h.nextVisitOn, h.id")
	@org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(
			name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
	List<Household> dueIn(String gridCode, LocalDate day, Pageable page);

	@Query("select count(h) from Household h where h.gridCode = ?1 and h.nextVisitOn <= ?2")
	long countDueIn(String gridCode, LocalDate day);

	Page<Household> findByCommunityCodeOrderByGridCodeAscAddressKeyAsc(String communityCode, Pageable page);

	Page<Household> findByGridCodeOrderByAddressKeyAsc(String gridCode, Pageable page);

	List<Household> findByGridCodeIn(Collection<String> gridCodes);

	long countByCommunityCode(String communityCode);

	java.util.Optional<Household> findByGridCodeAndAddressKey(String gridCode, String addressKey);
}
