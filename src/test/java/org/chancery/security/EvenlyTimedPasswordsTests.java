package org.chancery.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A wrong password costs a BCrypt check whatever the user's password is kept as (the name's existence not told). */
class EvenlyTimedPasswordsTests {

    /** The encodings the passwords were checked against, in order. */
    private final List<String> checked = new ArrayList<>();

    private final PasswordEncoder recording = new PasswordEncoder() {
        private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        @Override
        public String encode(CharSequence rawPassword) {
            return real.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checked.add(encodedPassword.substring(0, encodedPassword.indexOf('}') + 1));
            return real.matches(rawPassword, encodedPassword);
        }
    };

    private final EvenlyTimedPasswords passwords = new EvenlyTimedPasswords(recording);

    @Test
    void aWrongGuessForAPasswordKeptAsWrittenAlsoCostsABcryptCheck() {
        assertThat(passwords.matches("guess", "{noop}editor-secret")).isFalse();

        assertThat(checked).containsExactly("{noop}", "{bcrypt}");
    }

    @Test
    void aWrongGuessForABcryptPasswordCostsOneCheckAndARightPasswordNoMore() {
        String hash = recording.encode("editor-secret");

        assertThat(passwords.matches("guess", hash)).isFalse();
        assertThat(passwords.matches("editor-secret", hash)).isTrue();
        assertThat(passwords.matches("editor-secret", "{noop}editor-secret")).isTrue();

        assertThat(checked).containsExactly("{bcrypt}", "{bcrypt}", "{noop}");
    }
}
