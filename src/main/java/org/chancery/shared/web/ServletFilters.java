package org.chancery.shared.web;

import org.springframework.boot.servlet.filter.OrderedRequestContextFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Leaves out a servlet filter Spring Boot would add that has nothing to do here: the request
 * context filter exposes the request to code that runs before {@code DispatcherServlet}, which
 * exposes it itself to everything it calls; no filter of this application reads it. (The form
 * content filter is off too: {@code spring.mvc.formcontent.filter.enabled}; no endpoint takes a
 * form.) Each filter costs every request a little.
 */
@Configuration(proxyBeanMethods = false)
class ServletFilters {

    @Bean
    OrderedRequestContextFilter requestContextFilter() {
        return new OrderedRequestContextFilter();
    }

    @Bean
    FilterRegistrationBean<OrderedRequestContextFilter> requestContextFilterRegistration(
            OrderedRequestContextFilter filter) {
        FilterRegistrationBean<OrderedRequestContextFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
