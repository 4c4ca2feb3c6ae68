package org.chancery.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text that may be left out (null) but, given, is not blank as {@link Text#isBlank} and {@code @NotBlank} read it
 * here (nothing of it seen), which is what the domain strips: a regular expression's {@code \S} knows ASCII white
 * space only, and let an ideographic space pass as a city the domain then took for none.
 */
@Documented
@Constraint(validatedBy = NotBlankIfGiven.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotBlankIfGiven {

    String message() default "must not be blank";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotBlankIfGiven, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !Text.isBlank(value);
        }
    }
}
