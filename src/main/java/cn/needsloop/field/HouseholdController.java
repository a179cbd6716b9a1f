package cn.needsloop.field;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.field.HouseholdRequests.SaveHousehold;
import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/communities/{communityCode}/households")
@Tag(name = "households", description = "户籍册：录入、导入、导出、查看 (household register)")
@Validated
class HouseholdController {

	private final HouseholdService service;

	private final HouseholdImportJobs imports;

	private final MessageSource messages;

	HouseholdController(HouseholdService service, HouseholdImportJobs imports, MessageSource messages) {
		this.service = service;
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "户籍册（分页；电话和关爱标签仅网格员、民需管家和管理者可见）A page of the register")
	Page<HouseholdView> list(@PathVariable String communityCode, @RequestParam(required = false) String gridCode,
			@RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return service.list(communityCode, gridCode, page, size, CurrentActor.get());
	}

	@PostMapping
	@Operation(summary = "录入或更正一户 Enter or correct a household")
	ResponseEntity<HouseholdView> save(@PathVariable String communityCode, @Valid @RequestBody SaveHousehold request) {
		HouseholdView saved = service.save(communityCode, request, CurrentActor.get());
		return ResponseEntity.created(URI.create("/api/households/" + saved.id())).body(saved);
	}

	@GetMapping("/template")
	@Operation(summary = "户籍册导入模板 (.xlsx) The import template")
	ResponseEntity<byte[]> template() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Locale locale = LocaleContextHolder.getLocale();
		HouseholdSheets.template(out, messages, locale);
		return xlsx(messages.getMessage("household.sheet.file.template", null, locale), out.toByteArray());
	}

	@GetMapping("/export")
	@Operation(summary = "导出户籍册 (.xlsx) Export the register")
	ResponseEntity<byte[]> export(@PathVariable String communityCode) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Locale locale = LocaleContextHolder.getLocale();
		service.export(communityCode, CurrentActor.get(), out, locale);
		return xlsx(messages.getMessage("household.sheet.file.export", new Object[] { communityCode }, locale),
				out.toByteArray());
	}

	/**
	 * The sheet as the request body: kept, and checked and imported in the background, all or nothing. 202 at once
	 * with the import's status and its address ({@code Location}) to poll for progress and, when done, what was added
	 * and updated or every refused row and column and why (nothing written).
	 */
	@PostMapping(path = "/import", consumes = { HouseholdSheets.XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "导入户籍册 (.xlsx，后台整表导入或整表不导入，轮询进度) Import the register in the background, all or nothing")
	ResponseEntity<HouseholdImportJobs.Status> importSheet(@PathVariable String communityCode, @RequestBody byte[] file) {
		HouseholdImportJobs.Status started = imports.start(communityCode, null, file, CurrentActor.get(),
				LocaleContextHolder.getLocale());
		return ResponseEntity.accepted().location(URI.create("/api/households/imports/" + started.id())).body(started);
	}

	static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(HouseholdSheets.XLSX))
			.body(body);
	}
}

@RestController
@RequestMapping("/api/households")
@Tag(name = "households")
class HouseholdRecordController {

	private final HouseholdService service;

	private final HouseholdImportJobs imports;

	HouseholdRecordController(HouseholdService service, HouseholdImportJobs imports) {
		this.service = service;
		this.imports = imports;
	}

	@GetMapping("/imports/{id}")
	@Operation(summary = "户籍册导入的进度和结果（上传人、本社区民需管家、管理者）An import's progress, state and report")
	HouseholdImportJobs.Status importStatus(@PathVariable String id) {
		return imports.status(id, CurrentActor.get());
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看一户（每次查看留痕）A household's record; every look is logged")
	HouseholdView get(@PathVariable Long id) {
		return service.view(id, CurrentActor.get());
	}
}

@RestController
@RequestMapping("/api/grids/{gridCode}/members")
@Tag(name = "grids", description = "网格员 (grid workers)")
class GridMemberController {

	private final GridMemberService service;

	GridMemberController(GridMemberService service) {
		this.service = service;
	}

	record AddMember(String userId) {
	}

	@GetMapping
	@Operation(summary = "网格的网格员 The grid's workers")
	List<GridMemberService.MemberView> list(@PathVariable String gridCode) {
		return service.list(gridCode, CurrentActor.get());
	}

	@PostMapping
	@Operation(summary = "添加网格员 Add a grid worker")
	ResponseEntity<GridMemberService.MemberView> add(@PathVariable String gridCode, @RequestBody AddMember request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(service.add(gridCode, request.userId(), CurrentActor.get()));
	}
}
