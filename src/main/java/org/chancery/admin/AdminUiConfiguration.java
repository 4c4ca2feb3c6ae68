package org.chancery.admin;

import java.time.Duration;
import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Serves the admin UI at {@code /admin} ({@link AdminPage}): the page itself, its modules and the libraries it takes
 * from WebJars, each with cache headers. Files whose URL carries no version (the UI's own files and
 * the WebJars at version-free URLs) may change with the next jar, so browsers revalidate them
 * ({@code no-cache} with {@code Last-Modified}, answered {@code 304} while unchanged); the world
 * geometry, which changes only when someone updates the vendor folder, is kept a day. Its pages
 * carry a strict Content-Security-Policy ({@link AdminContentSecurityPolicy}). Nothing else is served from the
 * class path but the OpenAPI page's files ({@code shared.web.SwaggerUiFiles}):
 * {@code spring.web.resources.add-mappings} is off, since Spring Boot's handlers would ask the WebJar locator about
 * each unknown path's first segment; the handler of every other path here asks none.
 */
@Configuration(proxyBeanMethods = false)
class AdminUiConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminContentSecurityPolicy()).addPathPatterns("/admin", "/admin/**");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/admin/vendor/**")
                .addResourceLocations("classpath:/static/admin/vendor/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
        registry.addResourceHandler("/admin/**")
                .addResourceLocations("classpath:/static/admin/")
                .setCacheControl(CacheControl.noCache());
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new UiWebJars());
        // Every other path, as Spring Boot's handler of /** took it but with no WebJar lookup: a file of the class
        // path's static folder (the admin UI's only, served above), else the 404 problem (405 for a method a file
        // does not take). Without a handler, Spring's own answer of a path no handler takes read the request's
        // Content-Type first, and one it refuses (*/*) failed the request (500).
        registry.addResourceHandler(CATCH_ALL).addResourceLocations("classpath:/static/");
    }

    /** The pattern of the handler of every path no other handler takes. */
    private static final String CATCH_ALL = "/**";

    /**
     * Finds the files of the WebJars the UI loads at their version-free URLs, and of no other: webjars-locator-lite
     * keeps the version it looked up for every WebJar name it is asked about, found or not, as long as the server
     * runs, so a name taken from any request's path would let anonymous requests for made-up paths fill the heap.
     */
    static final class UiWebJars extends LiteWebJarsResourceResolver {

        /** The WebJars that {@code static/admin/index.html} names. */
        static final Set<String> LOADED = Set.of("lit-html", "d3", "picocss__pico");

        @Override
        protected String findWebJarResourcePath(String path) {
            int slash = path.indexOf('/');
            return slash > 0 && LOADED.contains(path.substring(0, slash)) ? super.findWebJarResourcePath(path) : null;
        }
    }
}
