package org.chancery.shared.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What the filters and the problem advice of {@code shared.web}, which a {@code @WebMvcTest} slice takes, need beside
 * a controller: the HTTP metrics on a simple meter registry.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({HttpServerMetrics.class, EmptyErrorAnswers.class})
public class WebSliceConfiguration {

    @Bean
    MeterRegistry meters() {
        return new SimpleMeterRegistry();
    }
}
