package org.chancery.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;

import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @NotBlank} as the domain reads blank ({@link Text#isBlank}): a text with something seen in it, not one of
 * no-break spaces, zero-width spaces or direction marks alone, which Hibernate Validator's own validator (white space
 * as {@link Character#isWhitespace} reads it) took for a name. Every validation of the application reads it so: a
 * request's, an import line's.
 */
@Configuration(proxyBeanMethods = false)
class VisibleTextValidation {

    @Bean
    ValidationConfigurationCustomizer notBlankIsSomethingSeen() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                ConstraintMapping mapping = hibernate.createConstraintMapping();
                mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false)
                        .validatedBy(SomethingSeen.class);
                hibernate.addMapping(mapping);
            }
        };
    }

    /** A text that is given and not {@linkplain Text#isBlank blank}. */
    static class SomethingSeen implements ConstraintValidator<NotBlank, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value != null && !Text.isBlank(value);
        }
    }
}
