package org.chancery.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler whose successful answer carries the resource's version as a strong {@code ETag}
 * ({@link ETags}). A read so marked answers 304, without a body, when {@code If-None-Match} names
 * that version. The OpenAPI description then declares the {@code ETag} header of the answer and,
 * for a read, the {@code If-None-Match} header and the 304 answer.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface VersionETag {
}
