package cn.needsloop.classification;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.understanding.ModelVersion;
import cn.needsloop.understanding.NeedUnderstanding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The text model that reads needs: which version is in use, how many steward corrections wait for the next training,
 * and (for a manager) retraining on the corpus plus those corrections, deployed as a new version. Needs read by an
 * older version keep its name, as decisions keep their DMN version.
 */
@RestController
@RequestMapping("/api/text-models")
@Tag(name = "text-models", description = "文本模型：版本、纠正样本、重新训练 (text model versions, corrections, retraining)")
class TextModelController {

	record TextModels(String active, int corrections, List<ModelVersion> versions) {
	}

	private final NeedUnderstanding understanding;

	TextModelController(NeedUnderstanding understanding) {
		this.understanding = understanding;
	}

	@GetMapping
	@Operation(summary = "文本模型版本 Text model versions and corrections waiting for training")
	TextModels list() {
		requireStewardOrManager(CurrentActor.get());
		return new TextModels(understanding.activeVersion(), understanding.corrections(), understanding.versions());
	}

	@PostMapping
	@Operation(summary = "重新训练并启用新版本 Retrain on the corpus plus stewards' corrections and deploy (manager)")
	ResponseEntity<ModelVersion> retrain() {
		Actor actor = CurrentActor.get();
		if (!actor.isManager()) {
			throw ProblemException.forbidden("problem.textModel.managerOnly");
		}
		ModelVersion version = understanding.retrain(actor.userId(), TimeLimits.nowInstant());
		return ResponseEntity.created(URI.create("/api/text-models")).body(version);
	}

	private static void requireStewardOrManager(Actor actor) {
		if (!actor.isManager() && !actor.isSteward()) {
			throw ProblemException.forbidden("problem.textModel.managerOnly");
		}
	}
}
