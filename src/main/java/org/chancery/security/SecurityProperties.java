package org.chancery.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chancery.security.users[i].name|password|roles}, {@code chancery.security.lockout.*} and
 * {@code chancery.cors.allowed-origins}.
 */
@ConfigurationProperties("chancery")
record SecurityProperties(Security security, Cors cors) {

    SecurityProperties {
        security = security == null ? new Security(List.of(), null) : security;
        cors = cors == null ? new Cors(List.of()) : cors;
    }

    record Security(List<User> users, Lockout lockout) {
        Security {
            users = users == null ? List.of() : users;
            lockout = lockout == null ? new Lockout(0, 0, null) : lockout;
        }
    }

    /**
     * {@code chancery.security.lockout.*}: after {@code failures-per-user} failed sign-ins for one
     * name (10), or {@code failures-per-address} from one client address (50), further attempts are
     * refused for {@code duration} (15 minutes).
     */
    record Lockout(int failuresPerUser, int failuresPerAddress, Duration duration) {
        Lockout {
            failuresPerUser = failuresPerUser <= 0 ? 10 : failuresPerUser;
            failuresPerAddress = failuresPerAddress <= 0 ? 50 : failuresPerAddress;
            duration = duration == null ? Duration.ofMinutes(15) : duration;
        }
    }

    record User(String name, String password, List<Role> roles) {
        User {
            roles = roles == null ? List.of() : roles;
        }
    }

    record Cors(List<String> allowedOrigins) {
        Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins;
        }
    }

    enum Role { EDITOR, ADMIN }
}
