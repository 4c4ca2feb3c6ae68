package org.chancery.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chancery.country.Countries;
import org.chancery.country.Country;
import org.chancery.country.Lifetime;
import org.chancery.shared.AlreadyExistsException;
import org.chancery.shared.Source;
import org.springframework.stereotype.Component;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The project's crosswalk from Correlates of War state codes to Chancery's countries
 * ({@code history/cow-crosswalk.csv}): by COW numeric code, never by COW letters (seven of which are
 * other countries' ISO alpha-3 codes). ISO 3166-1 where the state is one, ISO 3166-3 for the GDR,
 * Czechoslovakia and South Yemen, today's code for the states COW continues under one code (the
 * German Federal Republic, the Yemen Arab Republic, Russia, Serbia, Vietnam), and user-assigned codes
 * of ISO's X range, with the lifetimes of the COW state list, for the rest.
 */
@Component
public class CowCrosswalk {

    /** How a COW state maps to a Chancery country. */
    public enum Kind { ISO, ISO_3166_3, CONTINUATION, USER_ASSIGNED }

    /** The Chancery country of a COW state; a user-assigned one carries the lifetime to create it with. */
    public record Entry(int cowCode, String cowName, String code, String alpha3, String numeric, Kind kind, String name,
            Lifetime lifetime) {

        /** Whether an import creates the country (it is not in ISO 3166 and not recorded by a migration). */
        public boolean userAssigned() {
            return kind == Kind.USER_ASSIGNED;
        }

        /**
         * Refuses to record the state under its user-assigned codes when a country recorded with either of them is
         * another state (an administrator's own use of the alpha-2 or the alpha-3 code, say): its facts would be taken
         * for that country's, or the state could not be created.
         *
         * @throws AlreadyExistsException naming the country recorded and the state the data names
         */
        public void requireNotAnotherState(Countries countries) {
            if (!userAssigned()) {
                return;
            }
            for (String own : List.of(code, alpha3)) {
                Country other = countries.find(own).orElse(null);
                if (other != null && !(other.code().value().equals(code) && other.alpha3().equals(alpha3))) {
                    throw new AlreadyExistsException(List.of("country"), "The country " + other.code().value() + " ("
                            + other.alpha3() + ") is " + other.name() + ", not " + name + " (" + code + ", " + alpha3
                            + "), the state the data names as " + cowCode + ": its facts are not recorded as another "
                            + "state's.");
                }
            }
        }

        /** Where the lifetime of a user-assigned country comes from: the COW state list. */
        public Source lifetimeSource() {
            return new Source("https://correlatesofwar.org/data-sets/state-system-membership/", null,
                    "COW State System Membership List, v2024: " + cowName, null);
        }
    }

    private static final String RESOURCE = "/history/cow-crosswalk.csv";

    private final Map<Integer, Entry> byCowCode;

    CowCrosswalk() {
        Map<Integer, Entry> entries = new HashMap<>();
        try (InputStream in = CowCrosswalk.class.getResourceAsStream(RESOURCE);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = CsvMapper.builder().build()
                        .readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                int cowCode = Integer.parseInt(row.get("cow_code"));
                entries.put(cowCode, new Entry(cowCode, row.get("cow_name"), row.get("code"), row.get("alpha3"),
                        blankToNull(row.get("numeric")), Kind.valueOf(row.get("kind")), row.get("name"),
                        new Lifetime(date(row.get("started_on")), date(row.get("ended_on")))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        this.byCowCode = Collections.unmodifiableMap(entries);
    }

    /** The Chancery country of a COW state code, if the crosswalk knows the code. */
    public Optional<Entry> find(int cowCode) {
        return Optional.ofNullable(byCowCode.get(cowCode));
    }

    /** Every entry, by COW code. */
    public Map<Integer, Entry> entries() {
        return byCowCode;
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
