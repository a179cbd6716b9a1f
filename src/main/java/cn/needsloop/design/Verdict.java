package cn.needsloop.design;

/** A project's evaluation verdict ({@code evaluation-verdict.dmn}, output {@code verdict}). */
public enum Verdict {
	SATISFIED, RECTIFY, FAILED
}
