package org.chancery.shared.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code format=csv} asks for a list's CSV answer as {@code Accept: text/csv} does (API.md 1.1).
 * Other values of {@code format} are left alone (the import endpoint names its input format with
 * the same parameter); then the {@code Accept} header decides, as it always does.
 */
@Configuration(proxyBeanMethods = false)
class CsvFormatParameter implements WebMvcConfigurer {

    private static final List<MediaType> CSV = List.of(MediaType.parseMediaType(CsvLists.TEXT_CSV));

    private static final ContentNegotiationStrategy FORMAT_CSV = request -> {
        String format = request.getParameter("format");
        return format != null && format.trim().equalsIgnoreCase("csv") ? CSV
                : ContentNegotiationStrategy.MEDIA_TYPE_ALL_LIST;
    };

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(FORMAT_CSV, new HeaderContentNegotiationStrategy()));
    }
}
