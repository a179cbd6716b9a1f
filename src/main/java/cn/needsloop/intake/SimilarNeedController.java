package cn.needsloop.intake;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.intake.SimilarNeeds.Joined;
import cn.needsloop.intake.SimilarNeeds.SimilarNeed;
import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/needs")
@Tag(name = "needs")
@Validated
class SimilarNeedController {

	private final SimilarNeeds similar;

	SimilarNeedController(SimilarNeeds similar) {
		this.similar = similar;
	}

	/** What is being written in the report form; title or description may still be empty. */
	record Draft(@NotBlank @Size(max = 32) String communityCode, @Size(max = 32) String gridCode,
			@Size(max = 200) String title, @Size(max = 2000) String description) {
	}

	/** 我也有此需求: who has the need too, and how many people of their household. */
	record MeToo(@NotBlank @Size(max = 50) String reporterName,
			@NotBlank @Pattern(regexp = "^[0-9+\\- ]{5,30}$", message = "{need.reporterPhone.pattern}") String reporterPhone,
			@Min(1) @Max(50) Integer people) {
	}

	@PostMapping("/similar")
	@Operation(summary = "这些诉求可能和您的一样：上报时的相似诉求 Open needs like the one being written (never required to report)")
	List<SimilarNeed> whileReporting(@Valid @RequestBody Draft draft) {
		return similar.whileReporting(
				new SimilarNeeds.Draft(draft.communityCode(), draft.gridCode(), draft.title(), draft.description()));
	}

	@GetMapping("/{id}/similar")
	@Operation(summary = "可能重复的诉求（民需管家核实时）Open needs like this one, ranked with a score, for its steward")
	List<SimilarNeed> forSteward(@PathVariable Long id) {
		return similar.forSteward(id, CurrentActor.get());
	}

	@PostMapping("/{id}/supporters")
	@Operation(summary = "我也有此需求 Join an open need instead of reporting it again")
	ResponseEntity<Joined> meToo(@PathVariable Long id, @Valid @RequestBody MeToo request) {
		Joined joined = similar.meToo(id,
				new SimilarNeeds.MeToo(request.reporterName(), request.reporterPhone(),
						request.people() == null ? 1 : request.people()),
				CurrentActor.get());
		return ResponseEntity.created(URI.create("/api/needs/" + id)).body(joined);
	}
}
