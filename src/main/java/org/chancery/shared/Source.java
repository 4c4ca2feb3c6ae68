package org.chancery.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Where a fact comes from: an absolute http(s) URL, with the publisher, title and publication
 * date where known.
 */
@Schema(example = "{\"url\": \"https://www.cibercuba.com/\", \"publisher\": \"CiberCuba\", "
        + "\"title\": \"Cuba and South Korea plan to open embassies as soon as possible\", \"publishedOn\": null}")
public record Source(
        @Schema(format = "uri", pattern = "[Hh][Tt][Tt][Pp][Ss]?://.+", description = "an absolute http(s) URL")
        @NotBlank @HttpUrl @Size(max = 2000)
        String url,
        @Schema(nullable = true) @Size(max = 300) String publisher,
        @Schema(nullable = true) @Size(max = 500) String title,
        @Schema(nullable = true) LocalDate publishedOn) {

    /**
     * The publisher and title as every optional text is kept ({@link Text#strippedOrNull}): blank is not known, which
     * the JSON says as null — a CSV could not tell {@code ""} from null — and a source read back as it was stored
     * before is the same.
     */
    public Source {
        publisher = Text.strippedOrNull(publisher);
        title = Text.strippedOrNull(title);
    }

    /** The most sources a fact cites (a request's {@code sources} take as many). */
    public static final int MAX = 50;

    /**
     * {@code recorded} and, after them, those of {@code more} it does not hold yet.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED} on {@code sources}) if they would be more than
     *     {@link #MAX}: a fact whose sources a client could not send back as they are
     */
    public static List<Source> adding(List<Source> recorded, List<Source> more) {
        List<Source> all = new ArrayList<>(recorded);
        more.stream().filter(source -> !all.contains(source)).forEach(all::add);
        if (all.size() > MAX && all.size() > recorded.size()) {
            throw new InvalidInputException("sources", "would make " + all.size() + " sources with the "
                    + recorded.size() + " recorded; a fact cites at most " + MAX);
        }
        return all;
    }
}
