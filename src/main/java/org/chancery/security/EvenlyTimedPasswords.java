package org.chancery.security;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A wrong password costs one slow (BCrypt) check whatever the user's password is kept as: a {@code {noop}}
 * password, until its first use re-encodes it, is compared in microseconds, while an unknown name costs
 * Spring Security's BCrypt check of a made-up password; a wrong guess for such a user would otherwise tell that
 * the name exists. A right password is answered as fast as its encoding allows.
 */
final class EvenlyTimedPasswords implements PasswordEncoder {

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
        return delegate.upgradeEncoding(encodedPassword);
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
