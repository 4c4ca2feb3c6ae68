package org.chancery.security;

import java.time.Duration;
import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Refuses sign-ins for a user name or from a client address that failed too often
 * ({@link LoginAttempts}) before any password is checked: while locked, a guess costs no BCrypt and
 * a correct password is refused too ({@link LockedOut}, answered 429 with {@code Retry-After}) — but a name's
 * lockout does not hold at an address the name signed in from lately.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

    /**
     * Locks shared by the names (and the addresses) whose hash falls on them: a fixed number, so that a flood of
     * names cannot grow them. Credentials remembered are taken before them, without waiting.
     */
    private static final Object[] USER_STRIPES = stripes(64);
    private static final Object[] ADDRESS_STRIPES = stripes(64);

    /** Sign-ins refused for a while after too many failures. */
    static final class LockedOut extends AuthenticationException {

        private final Duration retryAfter;

        LockedOut(Duration retryAfter) {
            super("Too many failed sign-ins; try again later.");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    private final AuthenticationProvider delegate;
    private final LoginAttempts attempts;

    ThrottledAuthentication(AuthenticationProvider delegate, LoginAttempts attempts) {
        this.delegate = delegate;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        // counted as the name signs in: user names are found whatever their letter case, and so are they locked out
        String user = String.valueOf(authentication.getName()).toLowerCase(Locale.ROOT);
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        var locked = attempts.locked(user, address);
        if (locked.isPresent()) {
            throw new LockedOut(locked.get());
        }
        // credentials that passed the slow check a moment ago are taken without waiting for the guesses below
        if (delegate instanceof RememberedCredentials remembered) {
            Authentication recalled = remembered.recall(authentication);
            if (recalled != null) {
                attempts.succeeded(user, address);
                return recalled;
            }
        }
        // the check, the password's and the count are one step per name and per address: guesses sent at once
        // would otherwise all pass the check before the first failure is counted
        synchronized (stripe(USER_STRIPES, user)) {
            synchronized (stripe(ADDRESS_STRIPES, String.valueOf(address))) {
                locked = attempts.locked(user, address);
                if (locked.isPresent()) {
                    throw new LockedOut(locked.get());
                }
                try {
                    Authentication verified = delegate.authenticate(authentication);
                    if (verified != null && verified.isAuthenticated()) {
                        attempts.succeeded(user, address);
                    }
                    return verified;
                } catch (BadCredentialsException wrong) {
                    attempts.failed(user, address);
                    throw wrong;
                }
            }
        }
    }

    private static Object[] stripes(int count) {
        Object[] stripes = new Object[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new Object();
        }
        return stripes;
    }

    private static Object stripe(Object[] stripes, String key) {
        return stripes[Math.floorMod(key.hashCode(), stripes.length)];
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
