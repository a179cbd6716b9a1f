package cn.needsloop.cluster;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name of this node in the cluster: written as the holder of the jobs it runs (bulk and export jobs), so
 * that a job's lease tells which node took it. {@code needsloop.node-id} (NEEDSLOOP_NODE_ID) when set, else
 * process id and host, with a random tail: a node started again is a new holder.
 */
@Component
public class NodeId {

	private final String id;

	NodeId(@Value("${needsloop.node-id:}") String configured) {
		String tail = UUID.randomUUID().toString().substring(0, 8);
		String base = configured == null || configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName()
				: configured.trim();
		String full = base + "/" + tail;
		this.id = full.length() > 100 ? full.substring(full.length() - 100) : full;
	}

	public String id() {
		return id;
	}

	@Override
	public String toString() {
		return id;
	}
}
