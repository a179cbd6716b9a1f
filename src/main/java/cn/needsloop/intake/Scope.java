package cn.needsloop.intake;

/** An individual need is settled directly; a common need waits in the pool for a service project. */
public enum Scope {
	INDIVIDUAL, COMMON
}
