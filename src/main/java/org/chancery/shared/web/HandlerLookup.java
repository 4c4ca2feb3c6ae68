package org.chancery.shared.web;

import java.lang.reflect.Method;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How a request finds its controller method: exactly as Spring MVC finds it, but testing only the
 * mappings whose paths can match, and their path first. For a path with variables
 * ({@code /api/countries/FR}) Spring tests every mapping of the application: method, parameters,
 * headers, media types and only then the path. The content negotiation of the {@code produces}
 * conditions alone took a twentieth of a cached read's CPU (issue 17's profile), and testing the
 * seventy paths still a seventh. A mapping none of whose patterns matches the path fails whatever
 * its other conditions say, so leaving out those whose literal segments differ from the path's
 * ({@link RouteIndex}) and testing the path of the others first changes how early such mappings
 * are left out, never which one is chosen, nor the 404, 405, 406 or 415 that Spring derives from
 * the partial matches (it works them out from all the mappings on its own).
 *
 * <p>The application's mappings are also asked before the actuator's endpoint mappings (order -100),
 * which every API request passed through first in vain: their paths are all under
 * {@code /actuator}, which none of the application's takes.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

    @Bean
    static WebMvcRegistrations pathFirstHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }
        };
    }

    /**
     * Spring MVC's mapping of annotated controllers, testing only the mappings the request's path can
     * match, and the path of a mapping before the rest.
     */
    static final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

        /** The candidates of the path being looked up on this thread; none: every mapping is one. */
        private static final ThreadLocal<Set<RequestMappingInfo>> CANDIDATES = new ThreadLocal<>();

        /** Before the actuator's endpoint mappings, {@code -100}. */
        private static final int ORDER = -200;

        /** Made from the registered mappings when first needed; forgotten when they change. */
        private volatile RouteIndex routes;

        @Override
        public int getOrder() {
            return ORDER;
        }

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            CANDIDATES.set(routes().candidates(lookupPath));
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                CANDIDATES.remove();
            }
        }

        private RouteIndex routes() {
            RouteIndex index = routes;
            if (index == null) {
                synchronized (this) {
                    index = routes;
                    if (index == null) {
                        PathPatternParser parser = getPatternParser();
                        index = parser != null && parser.isCaseSensitive()
                                ? RouteIndex.of(getHandlerMethods().keySet())
                                : RouteIndex.everyMapping();
                        routes = index;
                    }
                }
            }
            return index;
        }

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            forgetRoutes();
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
            super.registerMapping(mapping, handler, method);
            forgetRoutes();
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            forgetRoutes();
        }

        private synchronized void forgetRoutes() {
            routes = null;
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            Set<RequestMappingInfo> candidates = CANDIDATES.get();
            if (candidates != null && !candidates.contains(info)) {
                return null;
            }
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && ServletRequestPathUtils.hasParsedRequestPath(request)
                    && !matchesAny(paths, ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication())) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean matchesAny(PathPatternsRequestCondition paths, PathContainer path) {
            for (PathPattern pattern : paths.getPatterns()) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }
}
