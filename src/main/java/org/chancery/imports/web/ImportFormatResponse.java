package org.chancery.imports.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.imports.ImportFormat;

@Schema(name = "ImportFormat", example = "{\"name\": \"kenkel-us-missions\", \"mediaType\": \"text/csv\", "
        + "\"summary\": \"Kenkel's U.S. mission status data (CSV as published)\", \"documentation\": \"…\", \"example\": \"…\"}")
record ImportFormatResponse(String name, String mediaType, String summary, String documentation, String example) {

    static ImportFormatResponse from(ImportFormat format) {
        return new ImportFormatResponse(format.name(), format.mediaType().toString(), format.summary(),
                format.documentation(), format.example());
    }
}
