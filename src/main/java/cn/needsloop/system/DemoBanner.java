package cn.needsloop.system;

/**
 * Whether every page shows the demo banner (demo accounts still take the demo password). The demo
 * module answers it; without that module no banner is shown.
 */
public interface DemoBanner {

	boolean shown();
}
