package org.chancery.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

@ExtendWith(OutputCaptureExtension.class)
class AdminFallbackTests {

    private final SecurityConfiguration configuration = new SecurityConfiguration();
    private final PasswordEncoder encoder = configuration.passwordEncoder();

    @Test
    void createsAnAdminWithThePasswordFromTheEnvironmentWhenNoUserIsConfigured() {
        UserDetailsService users = configuration.users(new SecurityProperties(null, null), encoder,
                new MockEnvironment().withProperty("CHANCERY_ADMIN_PASSWORD", "s3cret"));

        UserDetails admin = users.loadUserByUsername("admin");
        assertThat(encoder.matches("s3cret", admin.getPassword())).isTrue();
        assertThat(admin.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ADMIN");
    }

    @Test
    void takesThePasswordFromTheSettingChanceryAdminPasswordToo() {
        UserDetailsService users = configuration.users(new SecurityProperties(null, null), encoder,
                new MockEnvironment().withProperty("chancery.admin.password", "s3cret-setting"));

        assertThat(encoder.matches("s3cret-setting", users.loadUserByUsername("admin").getPassword())).isTrue();
    }

    @Test
    void warnsOfAWeakAdminPasswordNamingTheSettingAndTheVariableThatGiveIt(CapturedOutput output) {
        configuration.users(new SecurityProperties(null, null), encoder,
                new MockEnvironment().withProperty("chancery.admin.password", "s3cret"));

        assertThat(output.getOut()).contains("WARN")
                .contains("The password of chancery.admin.password (CHANCERY_ADMIN_PASSWORD) is shorter than 12")
                .contains("with the password of chancery.admin.password (CHANCERY_ADMIN_PASSWORD).");
    }

    @Test
    void takesAPasswordFromTheEnvironmentLongerThanBcryptTakes() {
        String password = "a-generated-secret-".repeat(5);
        UserDetailsService users = configuration.users(new SecurityProperties(null, null), encoder,
                new MockEnvironment().withProperty("CHANCERY_ADMIN_PASSWORD", password));

        String kept = users.loadUserByUsername("admin").getPassword();
        assertThat(kept).startsWith(EvenlyTimedPasswords.PBKDF2);
        assertThat(encoder.matches(password, kept)).isTrue();
        assertThat(encoder.matches(password + "x", kept)).isFalse();
    }

    @Test
    void createsAnAdminWithARandomPasswordWhenNoneIsGiven() {
        UserDetails first = configuration.users(new SecurityProperties(null, null), encoder, new MockEnvironment())
                .loadUserByUsername("admin");
        UserDetails second = configuration.users(new SecurityProperties(null, null), encoder, new MockEnvironment())
                .loadUserByUsername("admin");

        assertThat(first.getPassword()).isNotBlank().isNotEqualTo(second.getPassword());
        assertThat(encoder.matches("", first.getPassword())).isFalse();
    }

    @Test
    void usesOnlyTheConfiguredUsersWhenThereAreSome() {
        var editor = new SecurityProperties.User("editor", "{noop}pw", List.of(SecurityProperties.Role.EDITOR));
        UserDetailsService users = configuration.users(
                new SecurityProperties(new SecurityProperties.Security(List.of(editor), null), null), encoder,
                new MockEnvironment().withProperty("CHANCERY_ADMIN_PASSWORD", "s3cret"));

        assertThat(encoder.matches("pw", users.loadUserByUsername("editor").getPassword())).isTrue();
        assertThatThrownBy(() -> users.loadUserByUsername("admin")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void aUserWithoutARoleIsTakenAndSaidAtTheStart(CapturedOutput output) {
        var reader = new SecurityProperties.User("reader", "{noop}pw", List.of());
        var editor = new SecurityProperties.User("editor", "{noop}pw", List.of(SecurityProperties.Role.EDITOR));
        UserDetailsService users = configuration.users(
                new SecurityProperties(new SecurityProperties.Security(List.of(reader, editor), null), null), encoder,
                new MockEnvironment());

        assertThat(users.loadUserByUsername("reader").getAuthorities()).isEmpty();
        assertThat(output.getOut()).containsOnlyOnce("has no role").contains("WARN")
                .contains("chancery.security.users: 'reader' has no role (EDITOR or ADMIN)");
    }
}
