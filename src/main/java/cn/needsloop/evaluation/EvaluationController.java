package cn.needsloop.evaluation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/projects/{id}/evaluations")
@Tag(name = "evaluation", description = "双向评估 (two-way evaluation)")
class EvaluationController {

	record Rating(@NotNull Perspective perspective, Long needId, @NotNull @Min(1) @Max(5) Integer score,
			@Size(max = 1000) String comment) {
	}

	private final EvaluationService service;

	EvaluationController(EvaluationService service) {
		this.service = service;
	}

	@PostMapping
	@Idempotent
	@Operation(summary = "提交一项评价 Record one rating")
	ResponseEntity<Void> rate(@PathVariable Long id, @Valid @RequestBody Rating rating) {
		service.rate(id, rating.perspective(), rating.needId(), rating.score(), rating.comment(), CurrentActor.get());
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}
}
