package org.chancery.imports.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.chancery.imports.ImportFlags;
import org.chancery.imports.ImportFormat;
import org.chancery.imports.Imports;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents each import format in the OpenAPI description of {@code POST /api/imports}: a section
 * of the operation's description per format (what its files hold, how their rows become facts), and
 * the request body as each format's media type with its example file; and the flags a job's row report
 * is filtered by.
 */
@Configuration(proxyBeanMethods = false)
class ImportFormatsDocumentation {

    /** What an example sent to a database holding some of its facts answers (the history profile's, say). */
    static final String RECORDED_ALREADY = "Sent to a database that records some of its facts already (the "
            + "`history` profile records Kosovo from 2008-02-20 and the U.S. missions), its lines are reported "
            + "`ALREADY_PRESENT`, `MERGED` or `REJECTED` (a rule, or a fact recorded otherwise), each saying why in "
            + "the job's report.";

    @Bean
    OperationCustomizer importFormats(Imports imports) {
        return (operation, handler) -> {
            if (!ImportController.START.equals(operation.getOperationId())) {
                return operation;
            }
            StringBuilder description = new StringBuilder(operation.getDescription());
            Map<String, Map<String, Example>> examples = new LinkedHashMap<>();
            for (ImportFormat format : imports.formats()) {
                description.append("\n\n## Format `").append(format.name()).append("` (")
                        .append(format.mediaType()).append(")\n\n").append(format.summary()).append(".\n\n")
                        .append(format.documentation());
                examples.computeIfAbsent(format.mediaType().toString(), type -> new LinkedHashMap<>())
                        .put(format.name(), new Example().summary(format.summary()).value(format.example())
                                .description(RECORDED_ALREADY));
            }
            operation.setDescription(description.toString());
            // the types every format takes come first: a client generated from the description sends the first
            // type listed, and one that sent application/x-ndjson had every CSV format refused (415)
            Content content = new Content();
            Map<String, Example> everyFormat = new LinkedHashMap<>();
            examples.values().forEach(everyFormat::putAll);
            for (String type : List.of(org.springframework.http.MediaType.TEXT_PLAIN_VALUE,
                    org.springframework.http.MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
                content.addMediaType(type, new MediaType()
                        .schema(new StringSchema().description("the file, of the format `format` names"))
                        .examples(everyFormat));
            }
            examples.forEach((type, byFormat) -> content.addMediaType(type, new MediaType()
                    .schema(new StringSchema().description("the file, as published or as the format says"))
                    .examples(byFormat)));
            operation.setRequestBody(new RequestBody().required(true).description("The file to import: in its "
                    + "format's media type, or as text/plain or application/octet-stream").content(content));
            List<String> names = imports.formats().stream().map(ImportFormat::name).toList();
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(parameter -> "format".equals(parameter.getName()))
                        .forEach(parameter -> parameter.setSchema(new StringSchema()._enum(names)));
            }
            return operation;
        };
    }

    /** The flags a job's row report may be filtered by, as the values of its {@code flag} parameter. */
    @Bean
    OperationCustomizer importFlags() {
        return (operation, handler) -> {
            if (ImportController.ROWS.equals(operation.getOperationId()) && operation.getParameters() != null) {
                operation.getParameters().stream().filter(parameter -> "flag".equals(parameter.getName()))
                        .forEach(parameter -> parameter.setSchema(new StringSchema()._enum(ImportFlags.KNOWN)));
            }
            return operation;
        };
    }
}
