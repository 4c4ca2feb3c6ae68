package org.chancery.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

@ExtendWith(OutputCaptureExtension.class)
class ThrottledAuthenticationTests {

    private final AtomicInteger passwordChecks = new AtomicInteger();
    /** A clock far from zero and negative, as {@code System.nanoTime()} may be. */
    private final AtomicLong now = new AtomicLong(-5_000_000_000_000L);

    /** Stands for the BCrypt check: "editor" / "secret" is the only valid pair. */
    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            passwordChecks.incrementAndGet();
            if (!"editor".equals(authentication.getName()) || !"secret".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated("editor", null,
                    List.of(new SimpleGrantedAuthority("ROLE_EDITOR")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    };

    private final ThrottledAuthentication provider = new ThrottledAuthentication(passwords,
            new LoginAttempts(3, 5, Duration.ofMinutes(15), now::get));

    @Test
    void refusesEvenTheRightPasswordOfANameThatFailedTooOftenWithoutCheckingIt() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("editor", "guess", "192.0.2.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(passwordChecks).hasValue(3);

        assertThatThrownBy(() -> provider.authenticate(login("editor", "secret", "192.0.2.2")))
                .isInstanceOfSatisfying(ThrottledAuthentication.LockedOut.class,
                        locked -> assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(15)));
        assertThat(passwordChecks).as("no password check while locked").hasValue(3);
    }

    @Test
    void logsWhoIsLockedOutAndFromWhereOnceWithTheNameQuotedAsOneLine(CapturedOutput output) {
        for (String name : List.of("ed\nitor \"x\"", "ed\nitor \"x\"", "ed\nitor \"x\"", "anna", "bob")) {
            assertThatThrownBy(() -> provider.authenticate(login(name, "guess", "192.0.2.7")));
        }

        assertThat(output).containsOnlyOnce("Sign-ins as \"ed\\u000aitor \\u0022x\\u0022\" are refused for PT15M "
                + "after 3 failed ones, the last from 192.0.2.7")
                .containsOnlyOnce("Sign-ins from 192.0.2.7 are refused for PT15M after 5 failed ones, the last as "
                        + "\"bob\"");
        assertThat(LoginAttempts.quoted("n".repeat(101))).isEqualTo("\"" + "n".repeat(100) + "…\"");
    }

    @Test
    void acceptsTheNameAgainOnceTheLockOutIsOver() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("editor", "guess", "192.0.2.1")));
        }
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThatThrownBy(() -> provider.authenticate(login("editor", "secret", "192.0.2.1")))
                .isInstanceOfSatisfying(ThrottledAuthentication.LockedOut.class,
                        locked -> assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(5)));

        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(provider.authenticate(login("editor", "secret", "192.0.2.1")).isAuthenticated()).isTrue();
    }

    @Test
    void refusesEveryNameFromAnAddressThatFailedTooOften() {
        for (int i = 0; i < 5; i++) {
            String name = "guess-" + i;
            assertThatThrownBy(() -> provider.authenticate(login(name, "x", "198.51.100.9")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> provider.authenticate(login("editor", "secret", "198.51.100.9")))
                .isInstanceOf(ThrottledAuthentication.LockedOut.class);
        assertThat(provider.authenticate(login("editor", "secret", "198.51.100.10")).isAuthenticated())
                .as("another address").isTrue();
        assertThat(passwordChecks).hasValue(6);
    }

    @Test
    void forgetsFailuresOlderThanTheLockOutButNotBecauseTheUserSignedInMeanwhile() {
        assertThatThrownBy(() -> provider.authenticate(login("editor", "guess", "192.0.2.1")));
        assertThatThrownBy(() -> provider.authenticate(login("editor", "guess", "192.0.2.1")));
        now.addAndGet(Duration.ofMinutes(16).toNanos());
        assertThatThrownBy(() -> provider.authenticate(login("editor", "guess", "192.0.2.1")))
                .isInstanceOf(BadCredentialsException.class);
        // the user's own sign-ins between someone's guesses do not give the guesser more tries
        provider.authenticate(login("editor", "secret", "192.0.2.2"));
        assertThatThrownBy(() -> provider.authenticate(login("editor", "guess", "192.0.2.3")))
                .isInstanceOf(BadCredentialsException.class);
        provider.authenticate(login("editor", "secret", "192.0.2.2"));
        assertThatThrownBy(() -> provider.authenticate(login("editor", "guess", "192.0.2.4")))
                .isInstanceOf(BadCredentialsException.class);

        assertThatThrownBy(() -> provider.authenticate(login("editor", "secret", "192.0.2.5")))
                .isInstanceOf(ThrottledAuthentication.LockedOut.class);
    }

    @Test
    void keepsANamesLockOutFromTheAddressesItSignedInFromLatelyButNotItsGuesses(CapturedOutput output) {
        assertThat(provider.authenticate(login("editor", "secret", "192.0.2.20")).isAuthenticated()).isTrue();
        for (int i = 0; i < 3; i++) {
            String elsewhere = "203.0.113." + i;
            assertThatThrownBy(() -> provider.authenticate(login("EDITOR", "guess", elsewhere)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> provider.authenticate(login("editor", "secret", "192.0.2.21")))
                .as("an address the name never signed in from").isInstanceOf(ThrottledAuthentication.LockedOut.class);

        assertThat(provider.authenticate(login("editor", "secret", "192.0.2.20")).isAuthenticated())
                .as("the user's own desk").isTrue();
        // guesses at the user's desk get as many tries as anywhere (3), not the address's count (5)
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("editor", "guess", "192.0.2.20")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> provider.authenticate(login("editor", "secret", "192.0.2.20")))
                .isInstanceOf(ThrottledAuthentication.LockedOut.class);
        assertThatThrownBy(() -> provider.authenticate(login("other", "x", "192.0.2.20")))
                .as("the address itself is not locked").isInstanceOf(BadCredentialsException.class);
        assertThat(output).containsOnlyOnce("Sign-ins as \"editor\" from 192.0.2.20, an address it signed in from, are "
                + "refused for PT15M after 3 failed ones");
    }

    @Test
    void aSignInOnRememberedCredentialsMakesItsAddressKnownAndAWrongPasswordNone() {
        ThrottledAuthentication remembering = new ThrottledAuthentication(
                new RememberedCredentials(passwords, Duration.ofMinutes(5), now::get),
                new LoginAttempts(3, 5, Duration.ofMinutes(15), now::get));
        remembering.authenticate(login("editor", "secret", "192.0.2.40"));
        remembering.authenticate(login("editor", "secret", "192.0.2.41"));
        assertThat(passwordChecks).as("the second taken on the credentials remembered").hasValue(1);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> remembering.authenticate(login("editor", "guess", "192.0.2.42")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThat(remembering.authenticate(login("editor", "secret", "192.0.2.41")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> remembering.authenticate(login("editor", "secret", "192.0.2.42")))
                .as("where only wrong passwords came from").isInstanceOf(ThrottledAuthentication.LockedOut.class);
    }

    @Test
    void forgetsAnAddressTheNameHasNotSignedInFromForThirtyDays() {
        provider.authenticate(login("editor", "secret", "192.0.2.30"));
        now.addAndGet(LoginAttempts.KNOWN_FOR.plusMinutes(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("editor", "guess", "203.0.113.9")));
        }

        assertThatThrownBy(() -> provider.authenticate(login("editor", "secret", "192.0.2.30")))
                .isInstanceOf(ThrottledAuthentication.LockedOut.class);
    }

    @Test
    void countsNamesLongerThanAnyUsersByTheirFirstTwoHundredCharacters() {
        String stem = "名".repeat(LoginAttempts.NAME_KEPT);
        for (int i = 0; i < 3; i++) {
            String name = stem + i;
            String address = "203.0.113." + i;
            assertThatThrownBy(() -> provider.authenticate(login(name, "guess", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> provider.authenticate(login(stem + "other", "guess", "203.0.113.99")))
                .as("one count for all of them").isInstanceOf(ThrottledAuthentication.LockedOut.class);
    }

    @Test
    void takesRememberedCredentialsWithoutWaitingForAGuessFromTheSameAddressBeingChecked() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        AuthenticationProvider slowForGuesses = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                if ("guess".equals(authentication.getCredentials())) {
                    checking.countDown();
                    try {
                        answer.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return passwords.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
        ThrottledAuthentication throttled = new ThrottledAuthentication(
                new RememberedCredentials(slowForGuesses, Duration.ofMinutes(5), now::get),
                new LoginAttempts(3, 5, Duration.ofMinutes(15), now::get));
        assertThat(throttled.authenticate(login("editor", "secret", "192.0.2.7")).isAuthenticated()).isTrue();
        CompletableFuture<Void> guess = CompletableFuture.runAsync(
                () -> assertThatThrownBy(() -> throttled.authenticate(login("intruder", "guess", "192.0.2.7")))
                        .isInstanceOf(BadCredentialsException.class));
        assertThat(checking.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            CompletableFuture<Authentication> again = CompletableFuture.supplyAsync(
                    () -> throttled.authenticate(login("editor", "secret", "192.0.2.7")));

            assertThat(again.get(5, TimeUnit.SECONDS).isAuthenticated()).isTrue();
        } finally {
            answer.countDown();
            guess.get(5, TimeUnit.SECONDS);
        }
    }

    private static Authentication login(String name, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        HttpServletRequest request = new MockHttpServletRequest();
        ((MockHttpServletRequest) request).setRemoteAddr(address);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }
}
