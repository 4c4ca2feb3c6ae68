package org.chancery.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic sends the password with every request, and checking it against a BCrypt hash costs
 * tens of milliseconds of CPU by design: on two cores that alone held writes to about 30 a second.
 * This provider checks a user's password the slow way once, then remembers for a few minutes a
 * keyed hash (HMAC-SHA256 under a key drawn at start-up, never stored) of the credentials that
 * passed; the same credentials within that time are accepted on that hash. Wrong credentials are
 * never remembered and always go to the slow check, so guessing a password costs what it did.
 */
final class RememberedCredentials implements AuthenticationProvider {

    private record Remembered(byte[] digest, Authentication authentication, long expiresAtNanos) {
    }

    private final AuthenticationProvider delegate;
    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;
    private final SecretKeySpec key;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    RememberedCredentials(AuthenticationProvider delegate, Duration timeToLive, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.timeToLiveNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password) || authentication.getName() == null) {
            return delegate.authenticate(authentication);
        }
        Authentication recalled = recall(authentication);
        if (recalled != null) {
            return recalled;
        }
        String name = authentication.getName();
        byte[] digest = digest(name, password);
        Authentication verified = delegate.authenticate(authentication);
        if (verified != null && verified.isAuthenticated()) {
            remembered.put(name, new Remembered(digest, verified, nanoTime.getAsLong() + timeToLiveNanos));
        }
        return verified;
    }

    /**
     * The authentication of credentials that passed the slow check within the time they are remembered; null for
     * any others, which are not checked here.
     */
    Authentication recall(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password) || authentication.getName() == null) {
            return null;
        }
        String name = authentication.getName();
        Remembered known = remembered.get(name);
        if (known != null && nanoTime.getAsLong() - known.expiresAtNanos() < 0
                && MessageDigest.isEqual(known.digest(), digest(name, password))) {
            Authentication verified = known.authentication();
            return UsernamePasswordAuthenticationToken.authenticated(verified.getPrincipal(), null,
                    verified.getAuthorities());
        }
        return null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private byte[] digest(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
