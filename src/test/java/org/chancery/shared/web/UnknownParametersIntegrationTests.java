package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class UnknownParametersIntegrationTests extends ApiIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyHandlerOfTheApiNamesTheParametersItTakesSoThatNoneIsIgnored() {
        Map<RequestMappingInfo, HandlerMethod> handlers = mappings.getHandlerMethods();

        assertThat(handlers.entrySet()).filteredOn(handler -> handler.getKey().getPatternValues().stream()
                .anyMatch(path -> path.startsWith("/api/"))).hasSizeGreaterThan(40)
                .allSatisfy(handler -> assertThat(UnknownParameters.parametersOf(handler.getValue()))
                        .as(handler.getKey().toString()).isPresent());
    }
}
