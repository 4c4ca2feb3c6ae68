package org.chancery.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a list's JSON handler whose list also answers {@code text/csv} (through a handler of its
 * own, hidden from the OpenAPI description): the description then gives the operation's 200 answer
 * a second media type, {@code text/csv}, and the {@code format} parameter.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CsvResponse {
}
