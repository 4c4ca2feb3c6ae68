package org.chancery.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chancery.shared.DatePrecision;
import org.springframework.stereotype.Component;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The protecting powers of the U.S. interests sections of Kenkel's data
 * ({@code history/protecting-powers.csv}), each with its source, and with what rule R9 also needs:
 * the day from which the power had diplomatic relations with the receiving state, and its source;
 * and where the sources say that the United States kept its relations while the power protected its
 * interests (Uganda 1973–1979: the embassy closed, no U.S. staff stayed, relations were not interrupted).
 */
@Component
class ProtectingPowers {

    /** The power of the interests section in a receiving state opened on {@code from}. */
    record Power(int cowCode, LocalDate from, String code, String name, String source, LocalDate relationsSince,
            DatePrecision relationsPrecision, String relationsSource, String note, boolean relationsNotInterrupted) {
    }

    private static final String RESOURCE = "/history/protecting-powers.csv";

    private final List<Power> powers = new ArrayList<>();

    ProtectingPowers() {
        try (InputStream in = ProtectingPowers.class.getResourceAsStream(RESOURCE);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = CsvMapper.builder().build()
                        .readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                if (row.get("power_code") == null || row.get("power_code").isBlank()) {
                    continue;
                }
                powers.add(new Power(Integer.parseInt(row.get("cow_code")), LocalDate.parse(row.get("interests_from")),
                        row.get("power_code"), row.get("power_name"), row.get("power_source_url"),
                        LocalDate.parse(row.get("relations_since")), DatePrecision.valueOf(row.get("relations_precision")),
                        row.get("relations_source_url"), row.get("note"),
                        Boolean.parseBoolean(row.get("us_relations_not_interrupted"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The power of the U.S. interests section opened on {@code from} in the COW state, if known. */
    Optional<Power> of(int cowCode, LocalDate from) {
        return powers.stream().filter(power -> power.cowCode() == cowCode && power.from().equals(from)).findFirst();
    }
}
