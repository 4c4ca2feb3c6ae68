package org.chancery.security;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A wrong password costs one slow (BCrypt) check whatever the user's password is kept as: a {@code {noop}}
 * password, until its first use re-encodes it, is compared in microseconds, while an unknown name costs
 * Spring Security's BCrypt check of a made-up password; a wrong guess for such a user would otherwise tell that
 * the name exists. A right password is answered as fast as its encoding allows. A {@code {noop}} password longer
 * than BCrypt takes (72 bytes of UTF-8; a generated secret may well be) stays as it is written: its re-encoding
 * failed every right sign-in with a 500.
 */
final class EvenlyTimedPasswords implements PasswordEncoder {

    private static final String NOOP = "{noop}";
    private static final int BCRYPT_LONGEST = 72;

    private final PasswordEncoder delegate;
    private volatile String slowDecoy;

    EvenlyTimedPasswords(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (!matches && (encodedPassword == null || !encodedPassword.startsWith("{bcrypt}"))) {
            delegate.matches(rawPassword, decoy());
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        if (encodedPassword != null && encodedPassword.startsWith(NOOP)
                && !bcryptTakes(encodedPassword.substring(NOOP.length()))) {
            return false;
        }
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** Whether BCrypt can encode the password: 72 bytes of UTF-8 at most. */
    static boolean bcryptTakes(CharSequence rawPassword) {
        return rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_LONGEST;
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
