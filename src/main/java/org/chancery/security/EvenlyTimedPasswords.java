package org.chancery.security;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * A wrong password costs one slow (BCrypt) check whatever the user's password is kept as: a {@code {noop}}
 * password, until its first use re-encodes it, is compared in microseconds, while an unknown name costs
 * Spring Security's BCrypt check of a made-up password; a wrong guess for such a user would otherwise tell that
 * the name exists. A right password is answered as fast as its encoding allows. A password longer than BCrypt takes
 * (72 bytes of UTF-8; a generated secret may well be) is encoded with PBKDF2 instead (its BCrypt encoding failed
 * every right sign-in with a 500), which the delegating encoder reads too, and kept so.
 */
final class EvenlyTimedPasswords implements PasswordEncoder {

    /** The id under which Spring Security's delegating encoder reads a PBKDF2 hash of its current defaults. */
    static final String PBKDF2 = "{pbkdf2@SpringSecurity_v5_8}";
    private static final int BCRYPT_LONGEST = 72;
    private static final PasswordEncoder LONG_PASSWORDS = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    private final PasswordEncoder delegate;
    private volatile String slowDecoy;

    EvenlyTimedPasswords(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoded(delegate, rawPassword);
    }

    /** The password encoded by {@code delegate} (BCrypt), or with PBKDF2 if BCrypt cannot take it. */
    static String encoded(PasswordEncoder delegate, CharSequence rawPassword) {
        return bcryptTakes(rawPassword) ? delegate.encode(rawPassword) : PBKDF2 + LONG_PASSWORDS.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (!matches && (encodedPassword == null || !slow(encodedPassword))) {
            delegate.matches(rawPassword, decoy());
        }
        return matches;
    }

    /** A PBKDF2 hash of a long password stays so: BCrypt, the delegate's default, cannot take the password. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        boolean longPassword = encodedPassword != null && encodedPassword.startsWith(PBKDF2);
        return !longPassword && delegate.upgradeEncoding(encodedPassword);
    }

    /** Whether BCrypt can encode the password: 72 bytes of UTF-8 at most. */
    static boolean bcryptTakes(CharSequence rawPassword) {
        return rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_LONGEST;
    }

    private static boolean slow(String encodedPassword) {
        return encodedPassword.startsWith("{bcrypt}") || encodedPassword.startsWith(PBKDF2);
    }

    /** A BCrypt hash of a password no one types, made at the first wrong guess that needs it. */
    private String decoy() {
        String decoy = slowDecoy;
        if (decoy == null) {
            decoy = delegate.encode("a password no one is given " + System.nanoTime());
            slowDecoy = decoy;
        }
        return decoy;
    }
}
