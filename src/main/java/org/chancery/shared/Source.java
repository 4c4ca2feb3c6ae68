package org.chancery.shared;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Where a fact comes from: an absolute http(s) URL, with the publisher, title and publication
 * date where known.
 */
@Schema(example = "{\"url\": \"https://www.cibercuba.com/noticias/2024-04-17-u1-e199370-s27061-cuba-y-corea-del-sur-planean-abrir-embajadas-lo-antes-posible\", "
        + "\"publisher\": \"CiberCuba\", \"title\": \"Cuba and South Korea plan to open embassies as soon as possible\", \"publishedOn\": \"2024-04-17\"}")
public record Source(
        @NotBlank @HttpUrl @Size(max = 2000) String url,
        @Size(max = 300) String publisher,
        @Size(max = 500) String title,
        LocalDate publishedOn) {
}
