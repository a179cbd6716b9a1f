package cn.needsloop.routing;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.process.DecisionTables;
import cn.needsloop.routing.TimeLimitTable.Table;
import cn.needsloop.routing.TimeLimitTable.Version;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/time-limits")
@Tag(name = "time-limits", description = "办理时限表（time-limits.dmn）：现行版本、历次版本、修订 (time limits of the steps)")
class TimeLimitController {

	private final TimeLimitTable table;

	TimeLimitController(TimeLimitTable table) {
		this.table = table;
	}

	/** A revised table: the DMN file's text. */
	record TableRevision(@NotBlank @Size(max = DecisionTables.MAX_REVISION_CHARS) String dmnXml) {
	}

	@GetMapping
	@Operation(summary = "现行时限表及历次版本 The time-limits table in force, rule by rule, and its versions")
	Table current() {
		CurrentActor.get();
		return table.current();
	}

	@PostMapping
	@Idempotent
	@Operation(summary = "发布修订后的时限表（DMN），作为新版本部署 Publish a revised time-limits table as a new DMN version")
	ResponseEntity<Version> revise(@Valid @RequestBody TableRevision request) {
		Version version = table.revise(request.dmnXml(), CurrentActor.get());
		return ResponseEntity.created(URI.create("/api/time-limits")).body(version);
	}
}
