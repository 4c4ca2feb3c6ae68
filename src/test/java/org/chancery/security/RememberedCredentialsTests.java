package org.chancery.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class RememberedCredentialsTests {

    private final AtomicInteger slowChecks = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();

    /** Stands for the BCrypt check: "editor" / "secret" is the only valid pair. */
    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            slowChecks.incrementAndGet();
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

    private final RememberedCredentials provider = new RememberedCredentials(passwords, Duration.ofMinutes(5), now::get);

    @Test
    void checksTheSameValidCredentialsTheSlowWayOnlyOnceWithinTheirTime() {
        Authentication first = provider.authenticate(login("editor", "secret"));
        Authentication second = provider.authenticate(login("editor", "secret"));

        assertThat(slowChecks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("editor");
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(second.getCredentials()).isNull();
    }

    @Test
    void alwaysChecksWrongCredentialsTheSlowWayAndRefusesThem() {
        provider.authenticate(login("editor", "secret"));

        assertThatThrownBy(() -> provider.authenticate(login("editor", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("editor", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(slowChecks).hasValue(3);
    }

    @Test
    void checksAgainTheSlowWayOnceTheirTimeIsOver() {
        provider.authenticate(login("editor", "secret"));
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        provider.authenticate(login("editor", "secret"));

        assertThat(slowChecks).hasValue(2);
    }

    private static Authentication login(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }
}
