package cn.needsloop.field;

/** How a household is visited: at home (入户走访) or by phone (电话回访). */
public enum VisitKind {
	HOME, PHONE
}
