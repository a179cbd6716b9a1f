package cn.needsloop.registration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DispatchOffers extends JpaRepository<DispatchOffer, Long> {

	List<DispatchOffer> findByDispatchIdOrderById(Long dispatchId);

	List<DispatchOffer> findByDispatchIdAndStatus(Long dispatchId, DispatchOffer.Status status);

	Optional<DispatchOffer> findByDispatchIdAndRegistrationId(Long dispatchId, Long registrationId);

	List<DispatchOffer> findByRegistrationIdInOrderByIdDesc(Collection<Long> registrationIds);

	long countByDispatchIdAndStatus(Long dispatchId, DispatchOffer.Status status);
}
