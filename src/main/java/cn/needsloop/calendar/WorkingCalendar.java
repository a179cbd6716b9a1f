package cn.needsloop.calendar;

import cn.needsloop.shared.ChinaTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Working days on the Chinese public-holiday calendar, with its make-up working days (调休). The
 * calendar is data: one file a year ({@code calendar/cn-<year>.txt} on the classpath), and an
 * administrator adds or corrects a year by putting a file of the same name into
 * {@code needsloop.calendar.directory}; a file there overrides the built-in one of its year.
 */
@Component
public class WorkingCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);


	enum Kind {
		HOLIDAY, WORKDAY
	}

	/** Dates that differ from the Monday-to-Friday rule. */
	private final Map<LocalDate, Kind> exceptions = new HashMap<>();

	private final TreeSet<Integer> years = new TreeSet<>();

	public WorkingCalendar(@Value("${needsloop.calendar.directory:./calendar}") String directory) {
		Map<String, Resource> files = new HashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/cn-*.txt")) {
				files.put(resource.getFilename(), resource);
			}
			Path dir = Path.of(directory);
			if (Files.isDirectory(dir)) {
				try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "cn-*.txt")) {
					for (Path file : stream) {
						files.put(file.getFileName().toString(), new org.springframework.core.io.FileSystemResource(file));
					}
				}
			}
			for (Resource resource : files.values()) {
				try (InputStream in = resource.getInputStream()) {
					load(in, resource.getDescription());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the holiday calendar", ex);
		}
		log.info("Working-day calendar loaded for years {}", years);
	}

	private void load(InputStream in, String source) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int number = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			line = line.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("\\s+", 3);
			try {
				LocalDate date = LocalDate.parse(parts[0]);
				exceptions.put(date, Kind.valueOf(parts[1]));
				years.add(date.getYear());
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException(source + " line " + number + ": expected '<yyyy-mm-dd> HOLIDAY|WORKDAY <name>'", ex);
			}
		}
	}

	public boolean isWorkingDay(LocalDate date) {
		Kind kind = exceptions.get(date);
		if (kind != null) {
			return kind == Kind.WORKDAY;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** Whether the calendar has data for the year (otherwise only weekends are days off). */
	public boolean knows(int year) {
		return years.contains(year);
	}

	/**
	 * The same time of day on the {@code days}-th working day after the start day: a limit of three
	 * working days set on Wednesday 30 September 2026 ends on Saturday 10 October, a make-up working
	 * day after the National Day holiday.
	 */
	public ZonedDateTime plusWorkingDays(ZonedDateTime start, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must be 0 or more: " + days);
		}
		ZonedDateTime current = start.withZoneSameInstant(ChinaTime.ZONE);
		int counted = 0;
		while (counted < days) {
			current = current.plusDays(1);
			if (isWorkingDay(current.toLocalDate())) {
				counted++;
			}
			if (!knows(current.getYear())) {
				log.warn("No holiday data for {}: counting only weekends as days off", current.getYear());
			}
		}
		return current;
	}
}
