package cn.needsloop.system;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonalDataReveals extends JpaRepository<PersonalDataReveal, Long> {

	Page<PersonalDataReveal> findAllByOrderByRevealedAtDescIdDesc(Pageable pageable);

	List<PersonalDataReveal> findByRecordTypeAndRecordIdOrderByIdAsc(PersonalDataReveal.Record recordType,
			Long recordId);
}
