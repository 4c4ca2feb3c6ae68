package org.chancery.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chancery.security.users[i].name|password|roles} and {@code chancery.cors.allowed-origins}.
 */
@ConfigurationProperties("chancery")
record SecurityProperties(Security security, Cors cors) {

    SecurityProperties {
        security = security == null ? new Security(List.of()) : security;
        cors = cors == null ? new Cors(List.of()) : cors;
    }

    record Security(List<User> users) {
        Security {
            users = users == null ? List.of() : users;
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
