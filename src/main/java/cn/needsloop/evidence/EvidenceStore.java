package cn.needsloop.evidence;

import java.util.Optional;

/**
 * Where the bytes of evidence files live, by a key of their own. Every node of a cluster reads the same files, so a
 * store is shared: the database ({@link DatabaseEvidenceStore}) first; an object store could take its place behind
 * this interface when the volume calls for one (docs/benchmarks.md).
 */
public interface EvidenceStore {

	/** Keeps a file and its thumbnail (none for a document) under a new key. */
	void put(String key, byte[] content, byte[] thumbnail);

	Optional<byte[]> content(String key);

	Optional<byte[]> thumbnail(String key);
}
