package org.chancery.history;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.chancery.accreditation.Accreditation;
import org.chancery.accreditation.AccreditationLevel;
import org.chancery.accreditation.Accreditations;
import org.chancery.country.Countries;
import org.chancery.country.CountryCode;
import org.chancery.imports.CsvFields;
import org.chancery.imports.ImportFormat;
import org.chancery.imports.ImportInput;
import org.chancery.imports.ImportRun;
import org.chancery.imports.RowResult;
import org.chancery.mission.Mission;
import org.chancery.mission.MissionFacts;
import org.chancery.mission.MissionService;
import org.chancery.mission.MissionStatus;
import org.chancery.mission.MissionType;
import org.chancery.relation.EventFact;
import org.chancery.relation.EventType;
import org.chancery.relation.RelationHistory;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.relation.RelationState;
import org.chancery.shared.CalendarDates;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.Source;
import org.chancery.shared.VersionPrecondition;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kenkel-us-missions}: Kenkel's U.S. Diplomatic Mission Status Data (CSV as published), the
 * highest level of U.S. representation in each state over dated ranges, turned into the events,
 * missions and accreditations Chancery records. The rows are staged, then each pair's rows are
 * written in date order (two COW states may be one Chancery country: the German Federal Republic
 * continues as Germany), each row in a transaction of its own:
 * <ul>
 * <li>consecutive rows of a state with one status that touch or overlap are one fact
 * ({@code MERGED}; {@code ALREADY_PRESENT} when the file is imported again, {@code MERGED} when a range now
 * closes a fact recorded open (citing the row; {@code IMPORTED} with a detail if the row records a fact of its
 * own), flagged {@code DIFFERS_FROM_RECORDED} when it implies another closing);</li>
 * <li>a diplomatic status (embassy, legation, non-resident ambassador or envoy) establishes
 * relations on its first day, or restores them after a severance; {@code None} or {@code Interests}
 * after another status severs them that day ({@code INFERRED_SEVERANCE}), also when the state was
 * out of the state system between the two (Albania came back in 1944 without U.S. representation
 * until 1991);</li>
 * <li>a consulate or a non-resident consul needs consular relations, established that day if
 * needed;</li>
 * <li>a range's last day is inclusive, a mission's closing exclusive: the fact of a range closes the
 * day after it, when the next range begins (an embassy supersedes a legation or an interests
 * section, R8), when the state leaves the state system for a while ({@code GAP}), or when it ends
 * for good ({@code STATE_ENDED}: the country it is recorded under has ended; otherwise the file leaves out
 * the rows that go on, and the fact stays open, {@code COUNTRY_GOES_ON}); ranges that end on 2024-12-31,
 * the end of the data, stay open;</li>
 * <li>an interests section opens under its protecting power ({@link ProtectingPowers}), whose
 * relations with the receiving state are recorded from the day the table gives if the pair has no
 * history yet; without a known power the row is {@code NO_FACT} ({@code NEEDS_PROTECTING_POWER}), and so is
 * one where the table says relations went on ({@code RELATIONS_NOT_INTERRUPTED}: no severance, no section).</li>
 * </ul>
 * A state's rows are one sequence of ranges: where one of them cannot be read, or two overlap with different
 * statuses, the state's other rows record nothing ({@code STATE_NOT_READ}, see {@link #write}).
 * Dates on the first of a month are flagged {@code APPROXIMATE_DATE} and recorded with precision
 * {@code YEAR} or {@code MONTH} ({@link #dated}), ranges from 1816-01-01 {@code CENSORED_START}, and so is a
 * state's first range where it establishes relations: its first day is where the data of the state begins.
 * Every fact cites the dataset, with its CC-BY 4.0 credit, and its line.
 */
@Component
class KenkelUsMissionsFormat implements ImportFormat {

    static final String NAME = "kenkel-us-missions";
    static final List<String> HEADER = List.of("country_abbrev_cow", "country_code_cow", "country_name_cow",
            "country_name_usdos", "date_start", "date_end", "us_mission_status");
    static final String DATASET_URL = "https://github.com/brentonk/us_diplomatic_missions";
    static final String CREDIT = "Kenkel, Brenton. 2026. \"U.S. Diplomatic Mission Status Data.\" Version 0.1 (CC-BY 4.0)";

    /** The last day of the data: a range that ends on it has not ended. */
    static final LocalDate DATA_END = LocalDate.of(2024, 12, 31);
    /** The first day of the data: a range that starts on it may have started earlier. */
    static final LocalDate DATA_START = LocalDate.of(1816, 1, 1);

    static final int UNITED_STATES = 2;

    private static final CountryCode US = new CountryCode("US");
    /** Between a state's code and a line, the staging key of a row of the state that could not be read. */
    private static final String UNREADABLE = "|!";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> FIELDS = new TypeReference<>() {
    };

    /**
     * A day of the file as precise as the file tells it: "if only the year or month is known, the date
     * is set to January 1 or the 1st of the month", so a 1 January is known to its year, another first
     * of a month to its month (kept as that first day, which the rules compare), any other day to the
     * day. The data's first day, 1816-01-01, is where the data begins, not an approximation.
     */
    static FuzzyDate dated(LocalDate day) {
        if (day.getDayOfMonth() != 1 || day.equals(DATA_START)) {
            return FuzzyDate.of(day, DatePrecision.DAY);
        }
        return FuzzyDate.of(day, day.getMonthValue() == 1 ? DatePrecision.YEAR : DatePrecision.MONTH);
    }

    private final CowCrosswalk crosswalk;
    private final ProtectingPowers powers;
    private final Countries countries;
    private final RelationService relations;
    private final MissionService missions;
    private final Accreditations accreditations;

    KenkelUsMissionsFormat(CowCrosswalk crosswalk, ProtectingPowers powers, Countries countries,
            RelationService relations, MissionService missions, Accreditations accreditations) {
        this.crosswalk = crosswalk;
        this.powers = powers;
        this.countries = countries;
        this.relations = relations;
        this.missions = missions;
        this.accreditations = accreditations;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MediaType mediaType() {
        return MediaType.parseMediaType("text/csv");
    }

    @Override
    public String summary() {
        return "Kenkel's U.S. Diplomatic Mission Status Data, version 0.1 (CSV as published)";
    }

    @Override
    public String documentation() {
        return """
                The file `mission_status_range_cow_v0.1.csv` of %s as published (UTF-8, header `%s`): the \
                highest level of U.S. representation in each state, over dated ranges whose last day is \
                inclusive. States are identified by their COW numeric code through the project's crosswalk (never \
                by the COW letters); states that no ISO code covers are created with user-assigned codes and the \
                lifetimes of the COW state list. Each pair's rows are written in date order:

                | status | fact |
                |---|---|
                | `Embassy`, `Legation` | an EMBASSY or a LEGATION, open from the range's first day |
                | `Ambassador Nonresident`, `Envoy Nonresident`, `Consul Nonresident` | a non-resident accreditation of that level |
                | `Consulate` | a CONSULATE (consular relations established that day if needed) |
                | `Liaison` | a LIAISON_OFFICE |
                | `Interests` | an INTERESTS_SECTION under its protecting power (row NO_FACT, flag NEEDS_PROTECTING_POWER, if the power is not known; flag RELATIONS_NOT_INTERRUPTED, no section and no severance, where the sources say relations went on) |
                | `None` | no mission |

                A diplomatic status establishes relations on its first day (restores them after a severance; flags \
                INFERRED_ESTABLISHMENT, INFERRED_RESTORATION); `None` or `Interests` after another status, right \
                after it or after a gap in the state system, severs them that day (INFERRED_SEVERANCE). A fact \
                closes the day after its range: when the next range begins (an embassy supersedes a legation or an \
                interests section, which then closes as precisely as the embassy's opening is known), when the state leaves the state system for a while (GAP), or when it ends for \
                good (STATE_ENDED: the country it is recorded under has ended by then; such a closing, the day after \
                an exact last day, is known to the day); ranges that end on 2024-12-31 \
                stay open, and so does the fact of a state's last range if its country goes on (a file cut short, or \
                without the rows of the state's successor code: flag COUNTRY_GOES_ON, the fact kept as recorded). \
                Consecutive rows of one state with the same status that touch or overlap are one fact (MERGED). Imported again, a row finds its facts \
                (ALREADY_PRESENT); one whose range now closes a fact recorded open (its range ends earlier, or is \
                now followed by another) closes it citing the row (MERGED; IMPORTED, the closing in its detail, if \
                the row records a fact of its own), one whose \
                range implies another closing than recorded (or none) is flagged DIFFERS_FROM_RECORDED and the \
                record is kept. Dates on the first of a month are flagged \
                APPROXIMATE_DATE and recorded with precision YEAR (1 January) or MONTH, as the data's rule says; \
                ranges from 1816-01-01 are flagged CENSORED_START, and relations established on that day say that \
                the data begins then; so are relations established on a state's first day in the data, its entry \
                into the state system (flagged CENSORED_START too: Argentina's from 1841, though they began in 1823). \
                A row that cannot be read — a field with the NUL character or more than 200 \
                characters, a date outside 1583-01-01 to 9999-12-31, an unknown state or status — is REJECTED with \
                VALIDATION_FAILED naming its column, and the other rows go on; but a state's rows are read as one \
                sequence of ranges (a day between two is a day the state was out of the state system), so where \
                one row of a state cannot be read (and its state can be told), or two of its ranges of different \
                statuses overlap (both REJECTED), the state's other rows record nothing (NO_FACT, flagged \
                STATE_NOT_READ, naming the line to mend): read without it they could record what the data does \
                not hold, a mission closed for a gap. Blank rows (nothing but separators \
                and spaces) are skipped: they have no report and do not count in `rowsTotal`; a file of its header \
                alone is refused. Every fact cites the dataset and its line: %s.""".formatted(DATASET_URL,
                String.join(",", HEADER), CREDIT);
    }

    @Override
    public String example() {
        return String.join(",", HEADER) + "\n"
                + "CUB,40,Cuba,Cuba,1902-05-20,1902-05-26,None\n"
                + "CUB,40,Cuba,Cuba,1902-05-27,1906-09-25,Legation\n";
    }

    @Override
    public int check(ImportInput input) throws IOException {
        int[] rows = {0};
        input.records((number, line, fields) -> {
            if (number == 1) {
                CsvFields.checkHeader(NAME, HEADER, fields);
            } else { // a blank line is none of the records (ImportInput.records)
                rows[0]++;
            }
        });
        if (rows[0] == 0) {
            throw hasHeader(input)
                    ? new InvalidInputException("body", "has its header but no row to import (blank rows are skipped)")
                    : new InvalidInputException("body", "is not " + NAME + ": it has no header");
        }
        return rows[0];
    }

    private static boolean hasHeader(ImportInput input) throws IOException {
        boolean[] header = {false};
        input.records((number, line, fields) -> header[0] |= number == 1);
        return header[0];
    }

    @Override
    public void run(ImportInput input, ImportRun run) throws IOException {
        input.records((number, line, fields) -> {
            if (number > 1) {
                stage(run, line, fields);
            }
        });
        List<KenkelRow> group = new ArrayList<>();
        // a state's code: the first of its rows that could not be read (they come before its other rows)
        Map<String, Integer> unreadableOf = new HashMap<>();
        run.staged(staged -> {
            int ofState = staged.sortKey().indexOf(UNREADABLE);
            if (staged.sortKey().startsWith("!") || ofState > 0) {
                if (ofState > 0) {
                    unreadableOf.putIfAbsent(staged.sortKey().substring(0, ofState), staged.line());
                }
                run.row(staged.line(), row -> {
                    throw unreadable(staged.payload());
                });
                return;
            }
            KenkelRow row = KenkelRow.parse(staged.line(), fields(staged.payload()), crosswalk);
            if (!group.isEmpty() && !group.get(0).country().code().equals(row.country().code())) {
                write(group, run, unreadableOf);
                group.clear();
            }
            group.add(row);
        });
        if (!group.isEmpty()) {
            write(group, run, unreadableOf);
        }
    }

    /**
     * Writes a state's rows, read as one sequence of ranges (the data's ranges of a state follow one another:
     * a day without a range is a day the state was out of the state system). One of its rows that could not be
     * read (itself {@code REJECTED}), or two of its ranges of different statuses that overlap (both {@code
     * REJECTED}), leave the sequence unknown: read without them, the others would record facts the data does not
     * hold (a gap closing a mission, relations established decades late), which a mended file imported later could
     * not undo. Then the state's other rows record nothing: {@code NO_FACT}, flagged {@code STATE_NOT_READ}, their
     * detail naming the line to mend.
     */
    private void write(List<KenkelRow> rows, ImportRun run, Map<String, Integer> unreadableOf) {
        // "Cuba (CU; COW 40)": the file names a state by its COW number, the API by its ISO code
        String state = rows.get(0).country().name() + " (" + rows.get(0).country().code() + "; COW "
                + rows.get(0).cowCode() + ")";
        Integer unreadable = unreadableOf.get(rows.get(0).country().code());
        if (unreadable != null) {
            withhold(rows, List.of(), run, "line " + unreadable + ", a row of " + state + ", could not be read: a "
                    + "state's rows are read as one sequence of ranges, and without it this one could record facts "
                    + "the data does not hold. Mend line " + unreadable + " and import the file again.");
            return;
        }
        KenkelRow longest = null; // of the rows before, the one that ends last
        for (KenkelRow row : rows) {
            if (longest != null && !row.start().isAfter(longest.end()) && row.status() != longest.status()) {
                String overlap = "lines " + longest.line() + " and " + row.line() + ", rows of " + state
                        + ", overlap with different statuses (" + longest.status().text() + " from " + longest.start()
                        + " to " + longest.end() + ", " + row.status().text() + " from " + row.start() + " to "
                        + row.end() + ")";
                for (KenkelRow both : List.of(longest, row)) {
                    run.row(both.line(), result -> {
                        throw new InvalidInputException("line " + both.line(), "is not read: " + overlap
                                + "; a state's ranges follow one another, so neither can be read. Mend them and "
                                + "import the file again.");
                    });
                }
                withhold(rows, List.of(longest, row), run, overlap + ": a state's rows are read as one sequence of "
                        + "ranges, and without them this one could record facts the data does not hold. Mend them "
                        + "and import the file again.");
                return;
            }
            if (longest == null || row.end().isAfter(longest.end())) {
                longest = row;
            }
        }
        new Pair(rows, run).write();
    }

    /** The state's rows but {@code reported} record nothing: NO_FACT, flagged STATE_NOT_READ, saying why. */
    private static void withhold(List<KenkelRow> rows, List<KenkelRow> reported, ImportRun run, String why) {
        for (KenkelRow row : rows) {
            if (!reported.contains(row)) {
                run.row(row.line(), result -> result.flag("STATE_NOT_READ").detail("Not recorded: " + why));
            }
        }
    }

    /**
     * Stages a row: each pair's rows in date order; rows that cannot be read come first, on their own, with
     * the reason only (such a row may be too long to keep), and their processing reports them {@code REJECTED}.
     * One whose state can be told is staged before that state's rows (its key begins with the state's code), so
     * that they are known not to be read as a whole.
     */
    private void stage(ImportRun run, int line, List<String> fields) {
        String position = String.format(Locale.ROOT, "%09d", line);
        try {
            KenkelRow row = KenkelRow.parse(line, fields, crosswalk);
            run.stage(row.country().code() + "|" + row.start() + "|" + position, line, JSON.writeValueAsString(fields));
        } catch (InvalidInputException unreadable) {
            String state = KenkelRow.stateOf(fields, crosswalk).map(entry -> entry.code() + UNREADABLE).orElse("!");
            run.stage(state + position, line, JSON.writeValueAsString(unreadable.errors().get(0)));
        }
    }

    private static InvalidInputException unreadable(String payload) {
        InvalidInputException.FieldError reason = JSON.readValue(payload, InvalidInputException.FieldError.class);
        return new InvalidInputException(reason.field(), reason.message());
    }

    private static List<String> fields(String payload) {
        return JSON.readValue(payload, FIELDS);
    }

    /** The dataset, with its credit, as the source of a fact a line records. */
    static Source source(int line) {
        return new Source(DATASET_URL, "Brenton Kenkel", CREDIT + ", mission_status_range_cow_v0.1.csv, line " + line,
                null);
    }

    /** A fact a range stands for, once recorded (by this job, or found recorded): a mission or an accreditation. */
    private record RangeFact(String kind, long id, boolean created) {
    }

    /** A range of consecutive rows of one pair with one status (one fact). */
    private static final class Range {

        private final List<KenkelRow> rows = new ArrayList<>();
        private RangeFact fact;

        Range(KenkelRow first) {
            rows.add(first);
        }

        KenkelRow first() {
            return rows.get(0);
        }

        LocalDate start() {
            return first().start();
        }

        LocalDate end() {
            return rows.stream().map(KenkelRow::end).max(LocalDate::compareTo).orElseThrow();
        }

        KenkelStatus status() {
            return first().status();
        }

        /** Whether {@code row} continues this range: the same status, starting on or before the day after it ends. */
        boolean continuedBy(KenkelRow row) {
            return row.status() == status() && !row.start().isAfter(end().plusDays(1));
        }

        /** Whether {@code next} starts on the day after this range ends (or earlier): no gap between them. */
        boolean touches(Range next) {
            return !next.start().isAfter(end().plusDays(1));
        }
    }

    /** The rows of one pair (the United States and one country), written in date order. */
    private final class Pair {

        private final List<Range> ranges = new ArrayList<>();
        private final ImportRun run;
        private final CowCrosswalk.Entry country;
        private final RelationPair pair;

        Pair(List<KenkelRow> rows, ImportRun run) {
            this.run = run;
            this.country = rows.get(0).country();
            this.pair = RelationPair.of(US, new CountryCode(country.code()));
            for (KenkelRow row : rows) {
                if (!ranges.isEmpty() && ranges.get(ranges.size() - 1).continuedBy(row)) {
                    ranges.get(ranges.size() - 1).rows.add(row);
                } else {
                    ranges.add(new Range(row));
                }
            }
        }

        void write() {
            for (int i = 0; i < ranges.size(); i++) {
                Range range = ranges.get(i);
                Range earlier = i > 0 ? ranges.get(i - 1) : null;
                Range previous = earlier != null && earlier.touches(range) ? earlier : null;
                Range next = i + 1 < ranges.size() ? ranges.get(i + 1) : null;
                boolean closes = (next == null || !range.touches(next)) && range.end().isBefore(DATA_END);
                for (int k = 0; k < range.rows.size(); k++) {
                    KenkelRow row = range.rows.get(k);
                    boolean first = k == 0;
                    boolean last = k == range.rows.size() - 1;
                    boolean firstOfPair = i == 0 && first;
                    run.row(row.line(), result -> {
                        country.requireNotAnotherState(countries);
                        flagDates(row, result);
                        if (firstOfPair) {
                            ensureCountry(row, result);
                        }
                        if (first) {
                            lockPairsOf(range);
                            range.fact = begin(range, earlier, previous, result);
                        } else if (range.fact != null) {
                            // a range without a fact (no mission) has nothing to continue: NO_FACT
                            if (range.fact.created()) {
                                result.merged();
                            }
                            result.found(range.fact.kind(), range.fact.id());
                        }
                        if (last && closes && next == null && !countryEnded(range)) {
                            goesOn(range, result);
                        } else if (last && closes) {
                            end(range, next == null ? Mission.STATE_ENDED : Mission.GAP, result);
                        } else if (last && next == null) {
                            stillOpen(range, result);
                        }
                        if (result.silent()) {
                            result.detail(first ? nothingToRecord(range, earlier)
                                    : "Continues line " + range.first().line() + ", whose range has no mission "
                                            + "or accreditation to continue.");
                        }
                    });
                }
            }
        }

        /** Why the first row of a range records nothing, in its report. */
        private static String nothingToRecord(Range range, Range earlier) {
            if (range.status() != KenkelStatus.NONE) {
                return "Nothing to record for " + range.status().text() + ".";
            }
            return earlier == null
                    ? "No U.S. representation from the state's first day in the data: no relations to record."
                    : "No U.S. representation, and no diplomatic relations in force the day before to end: nothing to "
                            + "record.";
        }

        private void flagDates(KenkelRow row, RowResult result) {
            if (row.start().equals(DATA_START)) {
                result.flag("CENSORED_START");
            } else if (row.start().getDayOfMonth() == 1) {
                result.flag("APPROXIMATE_DATE");
            }
        }

        /**
         * A state that no ISO code covers is created, with the lifetime of the COW state list; found
         * when it is there already (imported before), so that its row answers ALREADY_PRESENT.
         */
        private void ensureCountry(KenkelRow row, RowResult result) {
            if (!country.userAssigned()) {
                return;
            }
            if (countries.find(country.code()).isPresent()) {
                result.found("country", country.code());
            } else {
                countries.create(country.code(), country.alpha3(), country.numeric(), country.name(),
                        country.lifetime(), List.of(country.lifetimeSource(), source(row.line())));
                result.created("country", country.code());
            }
        }

        /**
         * The transition into a range on its first day: the events it implies, the end of the previous
         * fact, its own fact. {@code earlier} is the state's range before this one, {@code previous} the
         * same if it touches this one (null after a gap, when the state was out of the state system).
         */
        private RangeFact begin(Range range, Range earlier, Range previous, RowResult result) {
            LocalDate day = range.start();
            KenkelStatus status = range.status();
            int line = range.first().line();
            RelationHistory history = relations.history(pair);
            RelationState before = history.on(day.minusDays(1));
            if (status.diplomatic()) {
                Optional<EventFact> recorded = eventOn(history, day, EventType.ESTABLISHED, EventType.RESTORED);
                if (recorded.isPresent()) {
                    result.found("event", recorded.get().id());
                    result.flag(recorded.get().type() == EventType.RESTORED ? "INFERRED_RESTORATION" : "INFERRED_ESTABLISHMENT");
                    if (earlier == null && recorded.get().type() == EventType.ESTABLISHED) {
                        result.flag("CENSORED_START");
                    }
                } else if (!before.established()) {
                    EventType type = before.status() == org.chancery.relation.RelationStatus.SEVERED ? EventType.RESTORED
                            : EventType.ESTABLISHED;
                    // the state's first range begins where the data of the state begins (1816-01-01, or its entry
                    // into the state system: the ranges tile its membership), which says nothing of when relations
                    // began: Argentina's from 1841, when the state system counts it, though they began in 1823
                    boolean censored = earlier == null && type == EventType.ESTABLISHED;
                    record(type, day, line, "U.S. representation: " + status.text() + (censored ? "; the data begins "
                            + (day.equals(DATA_START) ? "on 1816-01-01"
                                    : "with the state's entry into the state system")
                            + ", relations may be older" : ""), result);
                    result.flag(type == EventType.RESTORED ? "INFERRED_RESTORATION" : "INFERRED_ESTABLISHMENT");
                    if (censored) {
                        result.flag("CENSORED_START");
                    }
                }
            } else if (status.endsRelations() && earlier != null && !relationsNotInterrupted(range)) {
                // after a gap too: the state came back without U.S. representation (Albania 1944-1991)
                Optional<EventFact> recorded = eventOn(history, day, EventType.SEVERED);
                if (recorded.isPresent()) {
                    result.found("event", recorded.get().id());
                    result.flag("INFERRED_SEVERANCE");
                } else if (before.established()) {
                    record(EventType.SEVERED, day, line, "U.S. representation: " + earlier.status().text() + ", then "
                            + (previous == null ? "after a gap in the state system " : "") + status.text(), result);
                    result.flag("INFERRED_SEVERANCE");
                }
            }
            if (status.consular()) {
                RelationHistory now = relations.history(pair);
                Optional<EventFact> recorded = eventOn(now, day, EventType.CONSULAR_ESTABLISHED);
                if (recorded.isPresent()) {
                    result.found("event", recorded.get().id());
                    result.flag("INFERRED_CONSULAR_RELATIONS");
                } else if (!now.on(day).consularEstablished()) {
                    record(EventType.CONSULAR_ESTABLISHED, day, line, "U.S. representation: " + status.text(), result);
                    result.flag("INFERRED_CONSULAR_RELATIONS");
                }
            }
            boolean closedRecorded = previous != null && previous.fact != null
                    && closePrevious(previous.fact, status, day, line, result);
            RangeFact fact = open(range, result);
            if (closedRecorded && !result.recordedAny()) {
                result.merged(); // the row's own facts were there: what it changed is the closing (as end's rows)
            }
            return fact;
        }

        /**
         * Locks the pairs that the first row of an interests section writes on before anything else of the row, in
         * their code order: the U.S. pair and the protecting power's pair with the receiving state (R9). Each write
         * locks its pair and then its countries; taken one after the other, the second pair after the first's
         * countries, a request on the second pair holding its lock and waiting for one of those countries would wait
         * for this row in a circle (H2, whose country locks are exclusive: one of the two refused as a deadlock).
         */
        private void lockPairsOf(Range range) {
            if (range.status() != KenkelStatus.INTERESTS) {
                return;
            }
            CountryCode receiving = pair.second().equals(US) ? pair.first() : pair.second();
            powers.of(range.first().cowCode(), range.start()).filter(power -> !power.relationsNotInterrupted())
                    .ifPresent(power -> relations.lockPairs(List.of(pair,
                            RelationPair.of(new CountryCode(power.code()), receiving))));
        }

        /** An interests range during which, the sources say, relations went on (no severance, no section). */
        private boolean relationsNotInterrupted(Range range) {
            return range.status() == KenkelStatus.INTERESTS && powers.of(range.first().cowCode(), range.start())
                    .map(ProtectingPowers.Power::relationsNotInterrupted).orElse(false);
        }

        private Optional<EventFact> eventOn(RelationHistory history, LocalDate day, EventType... types) {
            return history.events().stream()
                    .filter(event -> event.date().equals(day) && List.of(types).contains(event.type()))
                    .map(event -> (EventFact) event).findFirst();
        }

        private void record(EventType type, LocalDate day, int line, String note, RowResult result) {
            long id = relations.record(pair, type, dated(day), note + " (inferred from "
                    + NAME + ")", List.of(source(line))).event().id();
            result.created("event", id);
        }

        /**
         * The previous range's fact ends as this range begins, unless a severance ended it already
         * (R11) or the new mission supersedes it (R8). A fact recorded before this import (a file
         * imported again, its range now followed by another) is closed citing the row {@code line}, whose
         * result names it and says so in its detail; one recorded closed on another day is kept as it is and
         * the row flagged DIFFERS_FROM_RECORDED, as a range's end is.
         *
         * @return whether a fact recorded before this import was closed
         */
        private boolean closePrevious(RangeFact fact, KenkelStatus next, LocalDate day, int line, RowResult result) {
            List<Source> sources = fact.created() ? List.of() : List.of(source(line));
            boolean closed = false;
            LocalDate recordedEnd;
            if (fact.kind().equals("mission")) {
                MissionFacts mission = missions.facts(fact.id()).orElseThrow();
                boolean superseded = next.mission().map(type -> type.supersedes(mission.type())).orElse(false);
                recordedEnd = mission.closedOn();
                if (mission.status() == MissionStatus.OPEN && !superseded) {
                    missions.close(fact.id(), dated(day), Mission.REPRESENTATION_CHANGED, sources,
                            VersionPrecondition.ANY);
                    closed = true;
                }
            } else {
                recordedEnd = accreditations.get(pair, fact.id()).to();
                if (recordedEnd == null) {
                    accreditations.end(pair, fact.id(), dated(day), sources, VersionPrecondition.ANY);
                    closed = true;
                }
            }
            if (fact.created()) {
                return false;
            }
            if (!closed) {
                if (recordedEnd != null && !recordedEnd.equals(day)) {
                    result.flag("DIFFERS_FROM_RECORDED").detail("Kept as recorded: the " + fact.kind() + " "
                            + fact.id() + " ended on " + recordedEnd + ", the file's next range begins on " + day
                            + ".");
                }
                return false;
            }
            result.found(fact.kind(), fact.id()).detail("The " + fact.kind() + " " + fact.id() + ", recorded open, "
                    + "is closed on " + day + ", citing this row, whose range now follows its range.");
            return true;
        }

        private RangeFact open(Range range, RowResult result) {
            KenkelStatus status = range.status();
            LocalDate day = range.start();
            int line = range.first().line();
            CountryCode receiving = pair.second().equals(US) ? pair.first() : pair.second();
            if (status.mission().isPresent()) {
                MissionType type = status.mission().get();
                CountryCode power = null;
                List<Source> sources = new ArrayList<>(List.of(source(line)));
                if (type == MissionType.INTERESTS_SECTION) {
                    Optional<ProtectingPowers.Power> known = powers.of(range.first().cowCode(), day);
                    if (known.isEmpty()) {
                        result.flag("NEEDS_PROTECTING_POWER").detail("No interests section: which state protected U.S. "
                                + "interests from this day is not known.");
                        return null;
                    }
                    if (known.get().relationsNotInterrupted()) {
                        notInterrupted(known.get(), receiving, day, result);
                        return null;
                    }
                    power = new CountryCode(known.get().code());
                    sources.add(new Source(known.get().source(), null, known.get().name() + " as protecting power of the "
                            + "United States in " + country.name(), null));
                    ensurePowerRelations(known.get(), receiving, day, result);
                }
                Optional<MissionFacts> recorded = missions.findSame(US, receiving, type, null, day);
                if (recorded.isPresent()) {
                    result.found("mission", recorded.get().id());
                    return new RangeFact("mission", recorded.get().id(), false);
                }
                Mission mission = missions.plan(new MissionService.Plan(US.value(), receiving.value(), type, null, null,
                        power == null ? null : power.value(), sources));
                missions.open(mission.id(), dated(day));
                result.created("mission", mission.id());
                return new RangeFact("mission", mission.id(), true);
            }
            if (status.accreditation().isPresent()) {
                AccreditationLevel level = status.accreditation().get();
                Optional<Accreditation> recorded = accreditations.findSame(US, receiving, level, day);
                if (recorded.isPresent()) {
                    result.found("accreditation", recorded.get().id());
                    return new RangeFact("accreditation", recorded.get().id(), false);
                }
                Accreditation accreditation = accreditations.accredit(pair, new Accreditations.Draft(US, level,
                        dated(day), null, null, null, List.of(source(line))));
                result.created("accreditation", accreditation.id());
                return new RangeFact("accreditation", accreditation.id(), true);
            }
            return null;
        }

        /**
         * No section of U.S. staff (R9 would need relations severed): the power's embassy protected U.S.
         * interests while relations went on. A severance or a section that an earlier import recorded (before
         * the table said so) is found and kept as recorded, the row flagged DIFFERS_FROM_RECORDED.
         */
        private void notInterrupted(ProtectingPowers.Power power, CountryCode receiving, LocalDate day,
                RowResult result) {
            result.flag("RELATIONS_NOT_INTERRUPTED");
            String protection = power.name() + " protected U.S. interests in " + country.name() + " from " + day
                    + " while relations went on (" + power.source() + ")";
            List<String> recorded = new ArrayList<>();
            eventOn(relations.history(pair), day, EventType.SEVERED).ifPresent(event -> {
                result.found("event", event.id());
                recorded.add("the severance (event " + event.id() + ")");
            });
            missions.findSame(US, receiving, MissionType.INTERESTS_SECTION, null, day).ifPresent(section -> {
                result.found("mission", section.id());
                recorded.add("the interests section (mission " + section.id() + ")");
            });
            if (recorded.isEmpty()) {
                result.detail("No interests section and no severance: " + protection + ".");
            } else {
                result.flag("DIFFERS_FROM_RECORDED").detail("Kept as recorded: " + String.join(" and ", recorded)
                        + ", though " + protection + ".");
            }
        }

        /**
         * R9: the protecting power has relations with the receiving state when the interests section
         * opens. A pair without a history gets them from the day the table gives; any other history
         * is left as it is (and R9 refuses the section if it does not allow it).
         */
        private void ensurePowerRelations(ProtectingPowers.Power power, CountryCode receiving, LocalDate day,
                RowResult result) {
            RelationPair powerPair = RelationPair.of(new CountryCode(power.code()), receiving);
            RelationHistory history = relations.history(powerPair);
            LocalDate since = power.relationsPrecision().normalize(power.relationsSince());
            Optional<EventFact> recorded = eventOn(history, since, EventType.ESTABLISHED);
            if (recorded.isPresent()) {
                result.found("event", recorded.get().id());
                result.flag("PROTECTING_POWER_RELATIONS");
                return;
            }
            boolean noDiplomaticHistory = history.events().stream()
                    .noneMatch(event -> event.type().track() == org.chancery.relation.Track.DIPLOMATIC);
            if (noDiplomaticHistory && !since.isAfter(day)) {
                long id = relations.record(powerPair, EventType.ESTABLISHED,
                        FuzzyDate.of(power.relationsSince(), power.relationsPrecision()),
                        "Relations of the protecting power of the U.S. interests section opened on " + day
                                + (power.note() == null ? "" : ". " + power.note()),
                        List.of(new Source(power.relationsSource(), null, "Relations of " + power.name() + " and "
                                + country.name(), null))).event().id();
                result.created("event", id);
                result.flag("PROTECTING_POWER_RELATIONS");
            }
        }

        /**
         * Whether the country the state's rows are recorded under has ended by the range's last day (a month
         * later at most, as other sources may date a state's end): only then does a last range ending before the
         * data's end mean the state ended for good. Otherwise the country goes on under rows this file leaves
         * out — a file cut short, or the rows of the state's successor code (West Germany's, then Germany's).
         */
        private boolean countryEnded(Range range) {
            return countries.find(country.code()).map(recorded -> recorded.lifetime().endedOn())
                    .filter(end -> !end.isAfter(range.end().plusMonths(1))).isPresent();
        }

        /**
         * The pair's last range ends before the data's end, but its country has not ended: the file says
         * nothing of what came next, so the fact is kept as recorded (open, or closed as someone recorded it), and
         * the row flagged COUNTRY_GOES_ON.
         */
        private void goesOn(Range range, RowResult result) {
            result.flag("COUNTRY_GOES_ON").detail("Not closed: the file's rows of " + range.first().country().cowName()
                    + " end on " + range.end() + ", before the data's end (" + DATA_END + "), but the country "
                    + country.code() + " has not ended then; the file leaves out the rows that go on, and the "
                    + (range.fact == null ? "recorded facts are" : range.fact.kind() + " is") + " kept as recorded.");
        }

        /**
         * The pair's last range runs to the data's end: its fact is open. One recorded before this import and
         * closed since is kept so, the row flagged DIFFERS_FROM_RECORDED.
         */
        private void stillOpen(Range range, RowResult result) {
            RangeFact fact = range.fact;
            if (fact == null || fact.created()) {
                return;
            }
            LocalDate recordedEnd = fact.kind().equals("mission") ? missions.facts(fact.id()).orElseThrow().closedOn()
                    : accreditations.get(pair, fact.id()).to();
            if (recordedEnd != null && !recordedEnd.isAfter(DATA_END)) { // a closing after the data's end is not in it
                result.flag("DIFFERS_FROM_RECORDED").detail("Kept as recorded: the " + fact.kind() + " ended on "
                        + recordedEnd + ", the file's range runs to the data's end (" + DATA_END + ").");
            }
        }

        /**
         * The range's fact closes the day after its last day: the state leaves the system, or ends. A fact
         * recorded before this import and still open is closed by the row (MERGED, as an NDJSON line closing
         * it is); one recorded closed on another day is kept as it is and the row flagged DIFFERS_FROM_RECORDED.
         */
        private void end(Range range, String why, RowResult result) {
            result.flag(why);
            RangeFact fact = range.fact;
            if (fact == null) {
                return;
            }
            LocalDate day = range.end().plusDays(1);
            // the day after an exact last day, not a date of the file: known to the day
            FuzzyDate closing = FuzzyDate.of(day, DatePrecision.DAY);
            // a fact recorded before this import is closed citing the range's last row, which implies the closing
            List<Source> sources = fact.created() ? List.of() : List.of(source(range.rows.get(range.rows.size() - 1)
                    .line()));
            boolean open;
            LocalDate recordedEnd;
            if (fact.kind().equals("mission")) {
                MissionFacts mission = missions.facts(fact.id()).orElseThrow();
                open = mission.status() == MissionStatus.OPEN;
                recordedEnd = mission.closedOn();
                if (open) {
                    missions.close(fact.id(), closing, why, sources, VersionPrecondition.ANY);
                }
            } else {
                recordedEnd = accreditations.get(pair, fact.id()).to();
                open = recordedEnd == null;
                if (open) {
                    accreditations.end(pair, fact.id(), closing, sources, VersionPrecondition.ANY);
                }
            }
            if (fact.created()) {
                return;
            }
            if (open) {
                result.merged();
            } else if (recordedEnd != null && !recordedEnd.equals(day)) {
                result.flag("DIFFERS_FROM_RECORDED").detail("Kept as recorded: the " + fact.kind() + " ended on "
                        + recordedEnd + ", the file's last day implies " + day + ".");
            }
        }
    }

    /** One row of the file, read and checked. */
    record KenkelRow(int line, int cowCode, CowCrosswalk.Entry country, LocalDate start, LocalDate end,
            KenkelStatus status) {

        /** The state of a row that cannot be read, where its fields tell it (none for the United States). */
        static Optional<CowCrosswalk.Entry> stateOf(List<String> fields, CowCrosswalk crosswalk) {
            // the state's code is the second field: a comma too many in a name, after it, leaves it where it is
            if (fields.size() < 2) {
                return Optional.empty();
            }
            try {
                int cowCode = CsvFields.integer(fields.get(1));
                return cowCode == UNITED_STATES ? Optional.empty() : crosswalk.find(cowCode);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /**
         * @throws InvalidInputException ({@code VALIDATION_FAILED}) if the row cannot be read
         */
        static KenkelRow parse(int line, List<String> fields, CowCrosswalk crosswalk) {
            if (fields.size() != HEADER.size()) {
                throw new InvalidInputException("line " + line, "has " + fields.size() + " fields, not "
                        + HEADER.size());
            }
            CsvFields.check(HEADER, fields);
            int cowCode;
            try {
                cowCode = CsvFields.integer(fields.get(1));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("country_code_cow", "is not a COW state code: '" + fields.get(1) + "'");
            }
            if (cowCode == UNITED_STATES) {
                throw new InvalidInputException("country_code_cow", "names the United States, whose missions the "
                        + "file lists in other states");
            }
            CowCrosswalk.Entry country = crosswalk.find(cowCode).orElseThrow(() -> new InvalidInputException(
                    "country_code_cow", "names no state of the COW state list: " + cowCode));
            LocalDate start = date(fields.get(4), "date_start");
            LocalDate end = date(fields.get(5), "date_end");
            if (end.isBefore(start)) {
                throw new InvalidInputException("date_end", "is before date_start (" + start + ")");
            }
            KenkelStatus status = KenkelStatus.parse(fields.get(6)).orElseThrow(() -> new InvalidInputException(
                    "us_mission_status", "is not a status of the data: '" + fields.get(6) + "' (one of "
                            + KenkelStatus.NAMES + ", written as the data writes them)"));
            return new KenkelRow(line, cowCode, country, start, end, status);
        }

        /** A date as every other way of writing takes it ({@link CalendarDates}): none before 1583 or after 9999. */
        private static LocalDate date(String text, String field) {
            try {
                return CalendarDates.parse(text.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "is not a date of the calendar: '" + text + "' ("
                        + e.getMessage() + ")");
            }
        }
    }
}
