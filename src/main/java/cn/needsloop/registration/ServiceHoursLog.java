package cn.needsloop.registration;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceHoursLog extends JpaRepository<ServiceHours, Long> {

	List<ServiceHours> findByDispatchIdOrderById(Long dispatchId);

	boolean existsByDispatchIdAndRegistrationId(Long dispatchId, Long registrationId);
}
