package org.chancery.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
            lockout = lockout == null ? new Lockout(null, null, null) : lockout;
            // sign-in ignores the name's case: two spellings of one name would be one user with two passwords
            Map<String, List<String>> byName = users.stream().collect(Collectors.groupingBy(
                    user -> user.name().toLowerCase(Locale.ROOT), TreeMap::new, Collectors.mapping(User::name, Collectors.toList())));
            byName.values().stream().filter(names -> names.size() > 1).findFirst().ifPresent(names -> {
                throw new IllegalArgumentException("chancery.security.users names one user more than once (a name's "
                        + "case does not count): " + String.join(", ", names));
            });
        }
    }

    /**
     * {@code chancery.security.lockout.*}: after {@code failures-per-user} failed sign-ins for one
     * name (10), or {@code failures-per-address} from one client address (50), further attempts are
     * refused for {@code duration} (15 minutes).
     */
    record Lockout(Integer failuresPerUser, Integer failuresPerAddress, Duration duration) {

        static final Duration SHORTEST_LOCKOUT = Duration.ofSeconds(1);

        static final Duration LONGEST_LOCKOUT = Duration.ofDays(365);

        Lockout {
            failuresPerUser = failuresPerUser == null ? 10 : failuresPerUser;
            failuresPerAddress = failuresPerAddress == null ? 50 : failuresPerAddress;
            duration = duration == null ? Duration.ofMinutes(15) : duration;
            if (failuresPerUser <= 0 || failuresPerAddress <= 0) {
                throw new IllegalArgumentException("chancery.security.lockout.failures-per-user and failures-per-address "
                        + "must be 1 or more, not " + failuresPerUser + " and " + failuresPerAddress);
            }
            if (duration.compareTo(SHORTEST_LOCKOUT) < 0 || duration.compareTo(LONGEST_LOCKOUT) > 0) {
                // a lock ending about when it starts would let every guess through (a number written without its
                // unit counts milliseconds); one of centuries is counted in nanoseconds no longer
                throw new IllegalArgumentException("chancery.security.lockout.duration must be at least 1 s and at "
                        + "most " + LONGEST_LOCKOUT.toDays() + " days (a number without a unit counts milliseconds: "
                        + "write 15m), not " + duration);
            }
        }
    }

    /** A user: a password encoded as {@code {bcrypt}…} or {@code {noop}…}, or as typed (taken as {@code {noop}}). */
    record User(String name, String password, List<Role> roles) {

        /** change_log.user_name and import_job.created_by: VARCHAR(200), in UTF-16 units on H2. */
        private static final int LONGEST_NAME = 200;
        private static final Pattern ENCODING = Pattern.compile("^\\{([^}]*)}");
        /** The password of the README's examples, which no server should keep. */
        static final String EXAMPLE_PASSWORD = "change-me";

        /** Shorter passwords are warned of at the start. */
        static final int SHORTEST_GOOD_PASSWORD = 12;

        private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

        User {
            roles = roles == null ? List.of() : roles;
            if (name == null || name.isBlank() || password == null || password.isBlank()) {
                throw new IllegalArgumentException("chancery.security.users entries need a name and a password"
                        + (name == null || name.isBlank() ? "" : ": " + name + " has no password"));
            }
            if (name.length() > LONGEST_NAME) {
                throw new IllegalArgumentException("chancery.security.users: the name "
                        + name.substring(0, name.offsetByCodePoints(0, 20)) + "… is longer than " + LONGEST_NAME
                        + " characters, what the change feed and the import jobs keep of the user who wrote");
            }
            if (name.indexOf(':') >= 0) {
                throw new IllegalArgumentException("chancery.security.users: the name " + name + " has a colon, which "
                        + "ends the name in HTTP Basic credentials: that user could never sign in");
            }
            Matcher encoding = ENCODING.matcher(password);
            if (encoding.find()) {
                String id = encoding.group(1);
                String encoded = password.substring(encoding.end());
                if (!id.equals("bcrypt") && !id.equals("noop")) {
                    throw new IllegalArgumentException("chancery.security.users: the password of " + name
                            + " is encoded as {" + id + "}; Chancery reads {bcrypt} and {noop}");
                }
                if (id.equals("bcrypt") && !BCRYPT.matcher(encoded).matches()) {
                    throw new IllegalArgumentException("chancery.security.users: the password of " + name
                            + " is not a BCrypt hash after {bcrypt} ($2a$, $2b$ or $2y$, a cost of two digits, 53 characters)");
                }
                if (encoded.isBlank()) {
                    throw new IllegalArgumentException("chancery.security.users entries need a name and a password: "
                            + name + " has none after {" + id + "}");
                }
            }
        }

        /**
         * What makes the password, as typed or {@code {noop}}, easy to guess, if anything: the README's example
         * ({@code change-me}) or fewer than {@link #SHORTEST_GOOD_PASSWORD} characters. A BCrypt hash's password
         * cannot be told.
         */
        Optional<String> weakness() {
            String encoded = encoded();
            return encoded.startsWith("{noop}") ? weakness(encoded.substring("{noop}".length())) : Optional.empty();
        }

        /** {@link #weakness()} of a password as typed. */
        static Optional<String> weakness(String password) {
            if (EXAMPLE_PASSWORD.equals(password)) {
                return Optional.of("is the README's example, " + EXAMPLE_PASSWORD);
            }
            if (password.codePointCount(0, password.length()) < SHORTEST_GOOD_PASSWORD) {
                return Optional.of("is shorter than " + SHORTEST_GOOD_PASSWORD + " characters");
            }
            return Optional.empty();
        }

        /** The password as Spring Security's encoders read it: with its {@code {id}}, {@code {noop}} if it has none. */
        String encoded() {
            return ENCODING.matcher(password).find() ? password : "{noop}" + password;
        }
    }

    /**
     * {@code chancery.cors.allowed-origins}: {@code *}, or origins as a browser sends them — {@code http} or
     * {@code https}, a host and a port if not the scheme's own, nothing after — each taken in lower case, without a
     * trailing {@code /} or the scheme's own port ({@code HTTP://Example.org:80/} is {@code http://example.org}); blank
     * ones are none. Anything else stops the start naming it: it could never match a browser's {@code Origin}.
     */
    record Cors(List<String> allowedOrigins) {

        private static final Pattern ORIGIN =
                Pattern.compile("(https?)://([a-z0-9.-]+|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?/?");

        Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().filter(origin -> origin != null && !origin.isBlank())
                            .map(Cors::asBrowsersSendIt).distinct().toList();
        }

        private static String asBrowsersSendIt(String origin) {
            String given = origin.trim().toLowerCase(Locale.ROOT);
            if (given.equals("*")) {
                return given;
            }
            Matcher matcher = ORIGIN.matcher(given);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("chancery.cors.allowed-origins takes * or origins as browsers send "
                        + "them (http or https, a host, a port if not the scheme's own, no path): not '" + origin + "'");
            }
            String port = matcher.group(3);
            boolean ownPort = port != null
                    && (matcher.group(1).equals("http") ? port.equals(":80") : port.equals(":443"));
            return matcher.group(1) + "://" + matcher.group(2) + (port == null || ownPort ? "" : port);
        }
    }

    enum Role { EDITOR, ADMIN }
}
