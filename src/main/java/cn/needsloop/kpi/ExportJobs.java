package cn.needsloop.kpi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Long exports run in the background, so the page can show their progress: a job counts the rows it
 * has written out of the total, then holds the finished file for its owner to download.
 */
@Component
class ExportJobs {

	/** Progress of one export, readable while it runs. */
	static final class Job {

		final String id = UUID.randomUUID().toString();

		final String owner;

		final String fileName;

		final AtomicLong done = new AtomicLong();

		volatile long total = -1;

		volatile Path file;

		volatile String failure;

		Job(String owner, String fileName) {
			this.owner = owner;
			this.fileName = fileName;
		}

		private final java.util.concurrent.CountDownLatch finishedSignal = new java.util.concurrent.CountDownLatch(1);

		boolean finished() {
			return file != null || failure != null;
		}

		/** Waits until the file is written or the job failed, at most {@code timeout}; whether it finished. */
		boolean awaitFinished(java.time.Duration timeout) throws InterruptedException {
			return finishedSignal.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}

		Map<String, Object> status() {
			return Map.of("id", id, "done", done.get(), "total", total, "finished", finished(), "failed",
					failure != null);
		}
	}

	/** The work of a job: write the workbook to the stream, counting rows on the job. */
	interface Work {

		void write(Job job, OutputStream out) throws IOException;
	}

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	private final ExecutorService executor = Executors.newFixedThreadPool(2);

	Job start(String owner, String fileName, Work work) {
		Job job = new Job(owner, fileName);
		jobs.put(job.id, job);
		executor.submit(() -> {
			try {
				Path file = Files.createTempFile("needsloop-export-", ".xlsx");
				try (OutputStream out = Files.newOutputStream(file)) {
					work.write(job, out);
				}
				job.file = file;
			}
			catch (IOException | RuntimeException ex) {
				job.failure = ex.toString();
			}
			finally {
				job.finishedSignal.countDown();
			}
		});
		return job;
	}

	Optional<Job> find(String id, String owner) {
		return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(owner));
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
		jobs.values().forEach(job -> {
			try {
				if (job.file != null) {
					Files.deleteIfExists(job.file);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}
}
