package cn.needsloop.system;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.system.PersonalData.RevealView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/personal-data")
@Tag(name = "personal data", description = "个人信息：查看完整电话的记录 (who revealed which phone number)")
@Validated
class PersonalDataController {

	private final PersonalData personalData;

	PersonalDataController(PersonalData personalData) {
		this.personalData = personalData;
	}

	@GetMapping("/reveals")
	@Operation(summary = "查看完整电话的记录（管理者）The log of revealed phone numbers, for managers")
	PageView<RevealView> reveals(@RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return PageView.of(personalData.log(CurrentActor.get(), page, size));
	}
}
