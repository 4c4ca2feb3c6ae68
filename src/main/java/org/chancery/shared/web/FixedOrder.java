package org.chancery.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a list's JSON handler whose list has one fixed order: it pages through
 * {@link PageRequests#unsorted}, which refuses a {@code sort} ("cannot be used, as this list has a fixed
 * order"). The OpenAPI description then leaves {@code sort} out of the operation's
 * parameters and says "fixed order" in its description.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface FixedOrder {
}
