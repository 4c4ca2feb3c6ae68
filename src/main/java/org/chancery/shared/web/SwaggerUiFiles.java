package org.chancery.shared.web;

import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.ui.SwaggerResourceResolverUtils;
import org.springdoc.webmvc.ui.SwaggerResourceResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The files of the OpenAPI page ({@code /swagger-ui/}), found in the {@code swagger-ui} WebJar only, in place of
 * springdoc's resolver: that one asks the WebJar locator about the first segment of every path under the page it
 * cannot find, and the locator keeps each answer, found or not, as long as the server runs (anonymous requests for
 * made-up paths would fill the heap; see {@code AdminUiConfiguration} for the admin UI's WebJars).
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUiFiles {

    private static final String WEBJAR = "swagger-ui/";

    @Bean
    SwaggerResourceResolver swaggerResourceResolver(SwaggerUiConfigProperties properties) {
        return new SwaggerResourceResolver(properties) {
            @Override
            protected String findWebJarResourcePath(String path) {
                return path.startsWith(WEBJAR) ? super.findWebJarResourcePath(path)
                        : SwaggerResourceResolverUtils.findSwaggerResourcePath(path, properties.getVersion());
            }
        };
    }
}
