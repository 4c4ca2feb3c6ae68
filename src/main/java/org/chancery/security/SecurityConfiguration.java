package org.chancery.security;

import static org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.shared.web.ProblemCode;
import org.chancery.shared.web.Problems;
import org.chancery.shared.web.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * API.md's security: reads are public, every other method needs HTTP Basic credentials of an
 * EDITOR (or an ADMIN, who may do all an editor may), creating countries needs ADMIN; health,
 * the OpenAPI description and Swagger UI are public, other actuator endpoints need ADMIN.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String REALM = "chancery";

    /** The reads that need credentials: the change feed, import jobs and the actuator (but for health). */
    private static final RequestMatcher READS_WITH_CREDENTIALS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/changes/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/api/imports/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));

    private static final RequestMatcher IMPORTS = PathPatternRequestMatcher.withDefaults().matcher("/api/imports/**");
    private static final RequestMatcher IMPORT_FORMATS =
            PathPatternRequestMatcher.withDefaults().matcher("/api/imports/formats");

    /**
     * An API answer (JSON, CSV, the OpenAPI document, a problem of any path) is no page: nothing in it may load or run
     * anything, nor be framed, should a browser ever render one (OWASP's REST practice). The admin UI's pages have a
     * policy of their own ({@code AdminContentSecurityPolicy}, set before this); Swagger UI's page and files theirs
     * ({@link SecurityHeaders#SWAGGER_UI_POLICY}; its problems, a file it lacks, the API's).
     */
    private static final HeaderWriter API_CONTENT_SECURITY_POLICY = (request, response) -> {
        String path = request.getRequestURI();
        boolean swaggerUi = (path.startsWith("/swagger-ui/") || path.equals("/swagger-ui.html"))
                && response.getStatus() < 400;
        if (!response.containsHeader(SecurityHeaders.CSP)) {
            response.setHeader(SecurityHeaders.CSP, swaggerUi ? SecurityHeaders.SWAGGER_UI_POLICY
                    : SecurityHeaders.API_POLICY);
        }
    };

    /** A GET or HEAD without credentials of a public resource. */
    static final RequestMatcher ANONYMOUS_PUBLIC_READS = request -> {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && !READS_WITH_CREDENTIALS.matches(request);
    };

    /**
     * Anonymous reads of public resources take a short chain: the firewall and the same security
     * headers as every answer (CORS is checked before either chain), without the authentication, session, request-cache,
     * anonymous-user and authorization filters that would have nothing to do for them (a third of
     * such a request's time went there). Everything else, a read with credentials included, takes
     * {@link #apiSecurity}.
     */
    @Bean
    @Order(1)
    SecurityFilterChain anonymousPublicReads(HttpSecurity http) throws Exception {
        http.securityMatcher(ANONYMOUS_PUBLIC_READS)
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable) // checked before the chains (CrossOriginRequests)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(SAME_ORIGIN))
                        .addHeaderWriter(API_CONTENT_SECURITY_POLICY))
                .exceptionHandling(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, UserDetailsService users,
            PasswordEncoder encoder, SecurityProperties properties) throws Exception {
        // no session and no cookie: the forms of other sites' pages are refused by CrossSiteWrites instead
        http.csrf(csrf -> csrf.disable())
                .logout(AbstractHttpConfigurer::disable) // no session to end: /logout is a path like any other (404)
                // the admin UI's links to sources tell other sites nothing of where they were followed from
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(SAME_ORIGIN))
                        .addHeaderWriter(API_CONTENT_SECURITY_POLICY))
                .authenticationManager(authenticationManager(users, encoder, properties.security().lockout()))
                .cors(AbstractHttpConfigurer::disable) // checked before the chains (CrossOriginRequests)
                .addFilterAfter(new CrossSiteWrites(properties.cors().allowedOrigins(), (request, response, origin) ->
                        write(json, request, response, ProblemCode.FORBIDDEN, "A write sent by a page of another site"
                                + (origin == null ? "" : " (" + origin + ")")
                                + " is refused: a browser sends it with the credentials it keeps for Chancery. "
                                + "Allow that site's origin in chancery.cors.allowed-origins if it is meant to write.")),
                        HeaderWriterFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.realmName(REALM)
                        .authenticationEntryPoint((request, response, e) -> unauthorized(json, request, response, e)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> unauthorized(json, request, response, e))
                        .accessDeniedHandler((request, response, e) -> write(json, request, response,
                                ProblemCode.FORBIDDEN, "Your role does not allow this request.")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // the methods of a path are no secret: OPTIONS answers them on every API path alike
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/imports/formats").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/imports/formats").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/imports", "/api/imports/**").hasRole("EDITOR")
                        .requestMatchers(HttpMethod.HEAD, "/api/imports", "/api/imports/**").hasRole("EDITOR")
                        .requestMatchers("/api/changes", "/api/changes/**").hasRole("EDITOR")
                        .requestMatchers(HttpMethod.POST, "/api/imports", "/api/imports/*/cancel").hasRole("ADMIN")
                        .requestMatchers(SecurityConfiguration::importJobs).hasRole("EDITOR")
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/countries").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/countries/*").hasRole("ADMIN")
                        .requestMatchers(SecurityConfiguration::methodNoHandlerTakes).permitAll()
                        .anyRequest().hasRole("EDITOR"));
        return http.build();
    }

    /**
     * No observation of each security filter, authentication and authorization: with Micrometer on the
     * class path Spring Security times every filter of every request, which cost a fifth of a cached
     * read. Requests are timed once, by {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The import jobs' paths, which every method needs credentials for, as the change feed's: a request without them
     * answers 401 before its method is looked at (a method no handler takes included). The formats are public, as
     * every read is.
     */
    private static boolean importJobs(HttpServletRequest request) {
        return IMPORTS.matches(request) && !IMPORT_FORMATS.matches(request);
    }

    /** The methods the application's handlers take; no handler takes another (PATCH, PROPFIND…). */
    private static final Set<String> HANDLED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

    /**
     * A request of a method no handler takes is let through, to be answered {@code 405} with the
     * methods its path allows, as {@code DELETE} on a read-only resource is: it can read or change
     * nothing.
     */
    private static boolean methodNoHandlerTakes(HttpServletRequest request) {
        return !HANDLED_METHODS.contains(request.getMethod());
    }

    /**
     * The firewall refuses what would reach a handler in a form its rules do not expect (double
     * slashes, encoded separators, path parameters, control characters in headers); a method it does
     * not know is left to Spring MVC's {@code 405} ({@link #methodNoHandlerTakes}) rather than refused as
     * a malformed URL.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return new OneAuthorization(firewall);
    }

    /**
     * A request with two {@code Authorization} headers is refused: Chancery would read the first, and a proxy or a
     * log in front of it may read the other (it is no list header: RFC 9110, 11.6.2).
     */
    private record OneAuthorization(HttpFirewall firewall) implements HttpFirewall {

        @Override
        public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
            Enumeration<String> credentials = request.getHeaders(HttpHeaders.AUTHORIZATION);
            if (credentials != null && credentials.hasMoreElements()) {
                credentials.nextElement();
                if (credentials.hasMoreElements()) {
                    throw new MoreThanOneAuthorization();
                }
            }
            return firewall.getFirewalledRequest(request);
        }

        @Override
        public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
            return firewall.getFirewalledResponse(response);
        }
    }

    private static final class MoreThanOneAuthorization extends RequestRejectedException {

        MoreThanOneAuthorization() {
            super("more than one Authorization header");
        }
    }

    /** Requests the firewall refuses get a problem too, with the security headers of every answer. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        return (request, response, e) -> {
            SecurityHeaders.addMissing(response);
            write(json, request, response, ProblemCode.MALFORMED_REQUEST, e instanceof MoreThanOneAuthorization
                    ? "The request has more than one Authorization header: send one, with the credentials meant."
                    : "The request is not acceptable: encoded separators, empty segments, path parameters and control "
                            + "characters in headers are refused.");
        };
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_EDITOR");
    }

    /**
     * Passwords are checked by Spring Security's {@link DaoAuthenticationProvider} (which also
     * re-encodes a {@code {noop}} password with BCrypt after its first use), once per credentials
     * and five minutes ({@link RememberedCredentials}).
     */
    private static AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
            SecurityProperties.Lockout lockout) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(new EvenlyTimedPasswords(encoder));
        if (users instanceof UserDetailsPasswordService upgrades) {
            passwords.setUserDetailsPasswordService(upgrades);
        }
        LoginAttempts attempts = new LoginAttempts(lockout.failuresPerUser(), lockout.failuresPerAddress(),
                lockout.duration(), System::nanoTime);
        return new ProviderManager(new ThrottledAuthentication(
                new RememberedCredentials(passwords, Duration.ofMinutes(5), System::nanoTime), attempts));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties, PasswordEncoder encoder, Environment environment) {
        List<UserDetails> users = new ArrayList<>();
        for (SecurityProperties.User user : properties.security().users()) {
            users.add(User.withUsername(user.name())
                    .password(user.encoded())
                    .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
                    .build());
            user.weakness().ifPresent(weakness -> log.warn("chancery.security.users: the password of '{}' {}: choose "
                    + "another, of 12 characters or more, and give it encoded ({bcrypt}…)", user.name(), weakness));
            if (user.roles().isEmpty()) {
                log.warn("chancery.security.users: '{}' has no role (EDITOR or ADMIN): it signs in, but reads only "
                        + "what anyone reads and is refused every write (403)", user.name());
            }
        }
        if (users.isEmpty()) {
            // chancery.admin.password, which the environment variable CHANCERY_ADMIN_PASSWORD gives as well
            String password = environment.getProperty("chancery.admin.password",
                    environment.getProperty("CHANCERY_ADMIN_PASSWORD", ""));
            if (password == null || password.isBlank()) {
                byte[] random = new byte[18];
                new SecureRandom().nextBytes(random);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                log.warn("No chancery.security.users configured: created user 'admin' (role ADMIN) with the generated "
                        + "password {} — set CHANCERY_ADMIN_PASSWORD or configure users to choose your own.", password);
            } else {
                log.info("No chancery.security.users configured: created user 'admin' (role ADMIN) with the password "
                        + "of chancery.admin.password (CHANCERY_ADMIN_PASSWORD).");
                SecurityProperties.User.weakness(password).ifPresent(weakness -> log.warn("The password of "
                        + "chancery.admin.password (CHANCERY_ADMIN_PASSWORD) {}: anyone who guesses it administers "
                        + "this server; choose another, of 12 characters or more", weakness));
            }
            // with PBKDF2 if BCrypt cannot take it (over 72 bytes), as a configured user's password is re-encoded
            users.add(User.withUsername("admin").password(EvenlyTimedPasswords.encoded(encoder, password))
                    .roles("ADMIN").build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static void unauthorized(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        if (e instanceof ThrottledAuthentication.LockedOut locked) {
            long seconds = Math.max(1, (locked.retryAfter().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", String.valueOf(seconds));
            write(json, request, response, ProblemCode.TOO_MANY_REQUESTS, "Too many failed sign-ins for this user "
                    + "name or from this address; try again in " + seconds + " seconds.");
            return;
        }
        // credentials are read as UTF-8: said so, a client encodes a name or password beyond ASCII the same way
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        write(json, request, response, ProblemCode.UNAUTHORIZED,
                "This request needs valid HTTP Basic credentials.");
    }

    private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
            ProblemCode code, String detail) throws IOException {
        Problems.write(json, response, Problems.of(code.status(), code.name(), detail, request.getRequestURI()));
    }
}
