package cn.needsloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An urban community (社区) or a rural village community (村). */
@Entity
public class Community {

	public enum Kind {
		URBAN, RURAL
	}

	@Id
	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Kind kind;

	protected Community() {
	}

	public Community(String code, String name, Kind kind) {
		this.code = code;
		this.name = name;
		this.kind = kind;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public Kind getKind() {
		return kind;
	}
}
