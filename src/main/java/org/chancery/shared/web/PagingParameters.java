package org.chancery.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.MalformedRequestException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Data quietly falls back to the first page when {@code page} or {@code size} cannot be
 * used; clients get a clear answer instead: {@code MALFORMED_REQUEST} for what is not a number,
 * {@code VALIDATION_FAILED} for a negative page or a size below 1. (Sizes above 200 are clamped.)
 */
@Configuration(proxyBeanMethods = false)
class PagingParameters implements WebMvcConfigurer, HandlerInterceptor {

    private static final int MAX_SIZE = 200;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        long page = check(request.getParameter("page"), "page", 0);
        long size = check(request.getParameter("size"), "size", 1);
        if (page * Math.min(Math.max(size, 20), MAX_SIZE) > Integer.MAX_VALUE) {
            throw new InvalidInputException("page", "is too large");
        }
        return true;
    }

    private static long check(String value, String name, int minimum) {
        if (value == null) {
            return minimum;
        }
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new MalformedRequestException(name, "cannot be parsed: '" + value + "'; expected an integer");
        }
        if (number < minimum) {
            throw new InvalidInputException(name, "must be at least " + minimum);
        }
        if (number > Integer.MAX_VALUE) {
            throw new InvalidInputException(name, "is too large");
        }
        return number;
    }
}
