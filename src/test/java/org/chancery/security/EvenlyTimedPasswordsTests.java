package org.chancery.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

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

    /** As the application has it: a {@code {noop}} password is encoded with BCrypt after its first use. */
    private final EvenlyTimedPasswords upgrading =
            new EvenlyTimedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());

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

    @Test
    void aPasswordLongerThanBcryptTakesSignsInAgainAndAgainAndIsKeptWithPbkdf2AfterItsFirstUse() {
        String password = "L".repeat(80);
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("long").password("{noop}" + password).roles("EDITOR").build());
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(upgrading);
        provider.setUserDetailsPasswordService(users);

        assertThat(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("long", password))
                .isAuthenticated()).isTrue();
        String kept = users.loadUserByUsername("long").getPassword();
        assertThat(kept).startsWith(EvenlyTimedPasswords.PBKDF2).doesNotContain(password);
        assertThat(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("long", password))
                .isAuthenticated()).isTrue();
        assertThat(users.loadUserByUsername("long").getPassword()).as("not encoded again").isEqualTo(kept);
        assertThatThrownBy(() -> provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("long", password + "x")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aPasswordKeptAsWrittenIsEncodedWithBcryptAfterItsFirstUseIfBcryptTakesItElseWithPbkdf2() {
        String fits = "é".repeat(36);
        String tooLong = "é".repeat(37); // 74 bytes of UTF-8
        assertThat(upgrading.upgradeEncoding("{noop}" + fits)).isTrue();
        assertThat(upgrading.upgradeEncoding("{noop}" + tooLong)).isTrue();
        assertThat(upgrading.encode(fits)).startsWith("{bcrypt}");
        String encoded = upgrading.encode(tooLong);
        assertThat(encoded).startsWith(EvenlyTimedPasswords.PBKDF2);
        assertThat(upgrading.matches(tooLong, encoded)).isTrue();
        assertThat(upgrading.upgradeEncoding(encoded)).isFalse();
        assertThat(upgrading.upgradeEncoding(upgrading.encode(fits))).isFalse();
    }
}
