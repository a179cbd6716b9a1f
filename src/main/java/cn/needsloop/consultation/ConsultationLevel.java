package cn.needsloop.consultation;

/** Where a consultation is held: 楼院门栋, 居民小组, 社区, 乡镇（街道）. */
public enum ConsultationLevel {
	BUILDING, RESIDENT_GROUP, COMMUNITY, TOWNSHIP
}
