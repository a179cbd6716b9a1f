package cn.needsloop.registration;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import cn.needsloop.shared.ProblemException;

public interface Registrations extends JpaRepository<PartyRegistration, Long> {

	/**
	 * Active registrants of a community offering a skill who have not been invited to the dispatch
	 * yet, first registered first.
	 */
	@Query("select r from PartyRegistration r join r.skills s where r.communityCode = :communityCode "
			+ "and s = :skill and r.status = cn.needsloop.registration.PartyRegistration.Status.ACTIVE "
			+ "and r.id not in (select o.registrationId from DispatchOffer o where o.dispatchId = :dispatchId) "
			+ "order by r.id")
	List<PartyRegistration> findUninvitedMatches(String communityCode, String skill, Long dispatchId, Limit limit);

	@Query("select distinct r from PartyRegistration r left join r.skills s where r.communityCode = :communityCode "
			+ "and (:skill is null or s = :skill) order by r.id")
	List<PartyRegistration> findByCommunity(String communityCode, String skill);

	List<PartyRegistration> findByUsernameOrderByIdDesc(String username);

	boolean existsByCommunityCodeAndUsernameAndStatus(String communityCode, String username,
			PartyRegistration.Status status);

	boolean existsByCommunityCodeAndKindAndNameAndStatus(String communityCode, PartyRegistration.Kind kind, String name,
			PartyRegistration.Status status);

	default PartyRegistration require(Long id) {
		return findById(id).orElseThrow(() -> ProblemException.notFound("registration", id));
	}
}
