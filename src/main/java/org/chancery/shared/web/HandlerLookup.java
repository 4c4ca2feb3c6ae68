package org.chancery.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * How a request finds its controller method: exactly as Spring MVC finds it, but testing each
 * mapping's path first. For a path with variables ({@code /api/countries/FR}) Spring tests every
 * mapping of the application: method, parameters, headers, media types and only then the path. The
 * content negotiation of the {@code produces} conditions alone took a twentieth of a cached read's
 * CPU (issue 17's profile). A mapping none of whose patterns matches the path fails whatever its
 * other conditions say, so testing the path first changes how early such mappings are left out,
 * never which one is chosen, nor the 404, 405, 406 or 415 that Spring derives from the partial
 * matches (it works them out from all the mappings on its own).
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

    /** Spring MVC's mapping of annotated controllers, testing the path of a mapping before the rest. */
    static final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
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
