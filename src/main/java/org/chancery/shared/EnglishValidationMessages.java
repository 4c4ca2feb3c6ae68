package org.chancery.shared;

import java.util.Locale;

import jakarta.validation.MessageInterpolator;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation's messages in the API's words, English, whatever the client's {@code Accept-Language} or the host's
 * language: Spring's interpolator took the request's locale (a German browser read "name darf nicht leer sein" in an
 * English problem answer), and an import's thread the host's (a Turkish host stored "boş değer olamaz" in a report).
 * The messages are Hibernate Validator's and {@code ValidationMessages.properties}' (an empty {@code _en} bundle
 * keeps the host's language out); Spring's message source is not read for them.
 */
@Configuration(proxyBeanMethods = false)
class EnglishValidationMessages {

    @Bean
    ValidationConfigurationCustomizer messagesInEnglish() {
        return configuration -> configuration.messageInterpolator(
                new InEnglish(configuration.getDefaultMessageInterpolator()));
    }

    /** The messages of a validator, in English whatever locale it is asked for. */
    record InEnglish(MessageInterpolator messages) implements MessageInterpolator {

        @Override
        public String interpolate(String template, Context context) {
            return messages.interpolate(template, context, Locale.ENGLISH);
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return messages.interpolate(template, context, Locale.ENGLISH);
        }
    }
}
