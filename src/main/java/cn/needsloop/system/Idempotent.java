package cn.needsloop.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST of the API that creates a record and honours an {@code Idempotency-Key} header: sent again with the
 * same key and body within 24 hours, it answers as the first time and creates nothing
 * ({@link IdempotencyKeys}). The OpenAPI document shows the header on these operations.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {
}
