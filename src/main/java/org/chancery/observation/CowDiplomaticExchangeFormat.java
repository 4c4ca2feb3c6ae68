package org.chancery.observation;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chancery.country.Countries;
import org.chancery.history.CowCrosswalk;
import org.chancery.imports.CsvFields;
import org.chancery.imports.FactRef;
import org.chancery.imports.ImportFormat;
import org.chancery.imports.ImportInput;
import org.chancery.imports.ImportOutcome;
import org.chancery.imports.ImportRun;
import org.chancery.imports.RowReport;
import org.chancery.shared.AlreadyExistsException;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.Source;
import org.chancery.shared.Today;
import org.chancery.shared.web.ProblemCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * {@code cow-diplomatic-exchange}: the Correlates of War Diplomatic Exchange data set, v2006.1 (users
 * bring the file: its terms allow use with citation, not redistribution). Its rows are directed
 * dyad-years listed twice, mirrored: row (A, B, year) says at which level B was represented in A
 * ({@code DR_at_1}) and A in B ({@code DR_at_2}). Each direction of each pair and year is stored once,
 * as an observation, in batches of rows written together with their reports: the first row of a
 * mirrored couple records both directions ({@code IMPORTED}), the second finds them
 * ({@code MERGED}), a row that disagrees with what its mirror recorded is {@code REJECTED}, and a file
 * imported again answers {@code ALREADY_PRESENT}. States are identified by their COW code through the
 * project's crosswalk; those no ISO code covers are created as the history import creates them.
 */
@Component
class CowDiplomaticExchangeFormat implements ImportFormat {

    static final String NAME = "cow-diplomatic-exchange";
    static final String DATASET = "COW-DE 2006.1";
    /** Where the data set is published (its required citation's). */
    static final String DATASET_URL = "https://correlatesofwar.org/data-sets/diplomatic-exchange/";
    /** The first year of the COW state system. */
    static final int FIRST_YEAR = 1816;
    static final List<String> HEADER = List.of("ccode1", "ccode2", "year", "DR_at_1", "DR_at_2", "DE", "version");
    static final int BATCH = 1000;
    /** The version the data set is labelled with, and how far a value of `version` may be from it (it is a float). */
    private static final BigDecimal VERSION = new BigDecimal("2006.1");
    private static final BigDecimal VERSION_TOLERANCE = new BigDecimal("0.001");

    /** The observations a job writes before it first refreshes the planner's statistics. */
    static final int FIRST_REFRESH = 1000;

    private final Today today;
    private final CowCrosswalk crosswalk;
    private final Countries countries;
    private final ObservationWriter writer;

    CowDiplomaticExchangeFormat(CowCrosswalk crosswalk, Countries countries, ObservationWriter writer, Today today) {
        this.today = today;
        this.crosswalk = crosswalk;
        this.countries = countries;
        this.writer = writer;
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
        return "The Correlates of War Diplomatic Exchange data set, v2006.1, as observations (CSV as published)";
    }

    @Override
    public String documentation() {
        return """
                The file `Diplomatic_Exchange_2006v1.csv` of the Correlates of War Project (Bayer, Reşat. 2006. \
                "Diplomatic Exchange Data set, v2006.1." Online: http://correlatesofwar.org), as published: header \
                `ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version` (the names may be quoted). Chancery does not ship \
                it: bring your copy. Its rows become observations (`GET /api/observations`), never events: \
                `DR_at_1` is the level at which side 2 is represented in side 1 (0 NONE, 1 CHARGE_D_AFFAIRES, \
                2 ENVOY, 3 AMBASSADOR, 9 OTHER — presence only in 1950–1965), `DR_at_2` the reverse, and the \
                data set's own code is kept (`rawCode`). Every pair is listed twice, mirrored: the first row of a \
                couple records both directions (IMPORTED), its mirror finds them (MERGED); a row that disagrees \
                with its mirror, names a COW code the crosswalk does not know, has a year before 1816 or after \
                this one, whose `DE` contradicts its levels, whose `version` is not 2006.1 (another version is \
                other data) or whose field holds the NUL character or more than 200 characters is REJECTED with the \
                reason. States are identified by their COW numeric code through the \
                project's crosswalk, never by COW letters; the states no ISO code covers are created as the \
                history import creates them. Importing the file again records nothing: its rows answer \
                ALREADY_PRESENT. Blank rows (nothing but separators and spaces) are skipped: they have no \
                report and do not count in `rowsTotal`; a file of its header alone is refused.""";
    }

    @Override
    public String example() {
        return "\"ccode1\",\"ccode2\",\"year\",\"DR_at_1\",\"DR_at_2\",\"DE\",\"version\"\n"
                + "2,40,1950,9,9,1,2006.0999755859375\n"
                + "40,2,1950,9,9,1,2006.0999755859375\n";
    }

    @Override
    public int check(ImportInput input) throws IOException {
        int[] rows = {0};
        boolean[] header = {false};
        input.records((number, line, fields) -> {
            if (number == 1) {
                CsvFields.checkHeader(NAME, HEADER, fields);
                header[0] = true;
            } else { // a blank line is none of the records (ImportInput.records)
                rows[0]++;
            }
        });
        if (!header[0]) { // a body of a byte order mark alone
            throw new InvalidInputException("body", "is not " + NAME + ": it has no header");
        }
        if (rows[0] == 0) {
            throw new InvalidInputException("body", "has its header but no row to import (blank rows are skipped)");
        }
        return rows[0];
    }

    @Override
    public void run(ImportInput input, ImportRun run) throws IOException {
        List<Row> batch = new ArrayList<>(BATCH);
        IdBlock ids = new IdBlock();
        Statistics statistics = new Statistics();
        input.records((number, line, fields) -> {
            if (number == 1) {
                return;
            }
            batch.add(new Row(line, fields));
            if (batch.size() == BATCH) {
                statistics.written(write(batch, run, ids));
                batch.clear();
            }
        });
        statistics.written(write(batch, run, ids));
    }

    /**
     * The planner's statistics of the observations refreshed each time the job has doubled what it wrote, from
     * {@value #FIRST_REFRESH} observations on: a few times a job, so that its lookups stay index probes.
     */
    private final class Statistics {

        private long written;
        private long nextRefresh = FIRST_REFRESH;

        void written(int observations) {
            written += observations;
            if (written >= nextRefresh) {
                writer.refreshStatistics();
                nextRefresh = 2 * written;
            }
        }
    }

    /** Observation ids reserved a block at a time. */
    private final class IdBlock {

        private long next;
        private long end;

        long next() {
            if (next == end) {
                next = writer.reserveIds();
                end = next + ObservationWriter.ID_BLOCK;
            }
            return next++;
        }
    }

    /** One input row, read lazily. */
    private record Row(int line, List<String> fields) {
    }

    /** A row that could be read: its countries, and the two directions it observes. */
    private record Read(int line, CowCrosswalk.Entry side1, CowCrosswalk.Entry side2, int year,
            ObservationLevel atSide1, ObservationLevel atSide2) {

        /** Side 2 in side 1 ({@code DR_at_1}). */
        ObservationWriter.Key toSide1() {
            return new ObservationWriter.Key(year, String.valueOf(side2.cowCode()), String.valueOf(side1.cowCode()));
        }

        /** Side 1 in side 2 ({@code DR_at_2}). */
        ObservationWriter.Key toSide2() {
            return new ObservationWriter.Key(year, String.valueOf(side1.cowCode()), String.valueOf(side2.cowCode()));
        }
    }

    /** A batch of rows, their observations and their reports, in one transaction; the observations written. */
    private int write(List<Row> rows, ImportRun run, IdBlock ids) {
        if (rows.isEmpty()) {
            return 0;
        }
        int[] written = {0};
        run.batch(rows.stream().map(Row::line).toList(), () -> {
            Map<Integer, RowReport> reports = new HashMap<>();
            List<Read> read = new ArrayList<>();
            for (Row row : rows) {
                try {
                    read.add(read(row));
                } catch (InvalidInputException malformed) {
                    reports.put(row.line(), RowReport.rejected(row.line(), ProblemCode.VALIDATION_FAILED.name(),
                            malformed.getMessage(), List.of()));
                }
            }
            read.removeIf(r -> {
                try {
                    r.side1().requireNotAnotherState(countries);
                    r.side2().requireNotAnotherState(countries);
                    return false;
                } catch (AlreadyExistsException another) {
                    reports.put(r.line(), RowReport.rejected(r.line(), ProblemCode.ALREADY_EXISTS.name(),
                            another.getMessage(), List.of()));
                    return true;
                }
            });
            Map<Integer, List<FactRef>> countriesCreated = ensureCountries(read, run);
            Set<ObservationWriter.Key> keys = new LinkedHashSet<>();
            read.forEach(r -> {
                keys.add(r.toSide1());
                keys.add(r.toSide2());
            });
            Map<ObservationWriter.Key, ObservationWriter.Recorded> recorded = writer.recorded(DATASET, keys);
            List<ObservationWriter.New> created = new ArrayList<>();
            for (Read r : read) {
                ObservationWriter.Recorded toSide1 = recorded.get(r.toSide1());
                ObservationWriter.Recorded toSide2 = recorded.get(r.toSide2());
                String disagreement = disagreement(r.atSide1(), toSide1, "DR_at_1", run.jobId())
                        + disagreement(r.atSide2(), toSide2, "DR_at_2", run.jobId());
                if (!disagreement.isEmpty()) {
                    reports.put(r.line(), RowReport.rejected(r.line(), ProblemCode.VALIDATION_FAILED.name(),
                            disagreement.trim(), List.of()));
                    continue;
                }
                List<FactRef> facts = new ArrayList<>(countriesCreated.getOrDefault(r.line(), List.of()));
                boolean anyNew = false;
                if (toSide1 == null) {
                    toSide1 = record(r, r.toSide1(), r.side2(), r.side1(), r.atSide1(), created, recorded,
                            ids.next(), run.jobId());
                    anyNew = true;
                }
                if (toSide2 == null) {
                    toSide2 = record(r, r.toSide2(), r.side1(), r.side2(), r.atSide2(), created, recorded,
                            ids.next(), run.jobId());
                    anyNew = true;
                }
                facts.add(FactRef.of("observation", toSide1.id()));
                facts.add(FactRef.of("observation", toSide2.id()));
                ImportOutcome outcome;
                String detail = null;
                if (anyNew || !countriesCreated.getOrDefault(r.line(), List.of()).isEmpty()) {
                    outcome = ImportOutcome.IMPORTED;
                } else if (Long.valueOf(run.jobId()).equals(toSide1.jobId())
                        && Long.valueOf(run.jobId()).equals(toSide2.jobId())) {
                    outcome = ImportOutcome.MERGED;
                    detail = "Both directions were recorded by line " + toSide1.line() + ".";
                } else {
                    outcome = ImportOutcome.ALREADY_PRESENT;
                }
                reports.put(r.line(), new RowReport(r.line(), outcome, null, detail, List.of(), facts));
            }
            writer.insert(DATASET, run.jobId(), created);
            run.report(rows.stream().map(row -> reports.get(row.line())).toList());
            written[0] = created.size();
        });
        return written[0];
    }

    /** A new observation of the row, to be written with its batch, and known to the later rows of the batch. */
    private static ObservationWriter.Recorded record(Read row, ObservationWriter.Key key, CowCrosswalk.Entry sending,
            CowCrosswalk.Entry receiving, ObservationLevel level, List<ObservationWriter.New> created,
            Map<ObservationWriter.Key, ObservationWriter.Recorded> recorded, long id, long jobId) {
        created.add(new ObservationWriter.New(id, key, sending.code(), receiving.code(), level, row.line()));
        ObservationWriter.Recorded now = new ObservationWriter.Recorded(id, level.cowCode(), jobId, row.line());
        recorded.put(key, now);
        return now;
    }

    /** Why the row's level of a direction disagrees with the one recorded for it (by its mirror, as a rule), or "". */
    private static String disagreement(ObservationLevel level, ObservationWriter.Recorded recorded, String column,
            long jobId) {
        if (recorded == null || recorded.rawCode().equals(level.cowCode())) {
            return "";
        }
        String where = Long.valueOf(jobId).equals(recorded.jobId()) ? "line " + recorded.line() + " of this import"
                : "import " + recorded.jobId() + ", line " + recorded.line();
        return column + " is " + level.cowCode() + " here, but " + where + ", recorded " + recorded.rawCode()
                + " for the same direction and year. ";
    }

    /** The data set, its version and the line, as the source of a fact a line records (a state it creates). */
    static Source source(int line) {
        return new Source(DATASET_URL, "Correlates of War Project",
                "Bayer, Diplomatic Exchange Data set, v2006.1, line " + line, null);
    }

    /** The states no ISO code covers, created the first time a row names them, as the row's facts. */
    private Map<Integer, List<FactRef>> ensureCountries(List<Read> rows, ImportRun run) {
        Map<Integer, List<FactRef>> created = new HashMap<>();
        for (Read row : rows) {
            for (CowCrosswalk.Entry side : List.of(row.side1(), row.side2())) {
                if (side.userAssigned() && countries.find(side.code()).isEmpty()) {
                    countries.create(side.code(), side.alpha3(), side.numeric(), side.name(), side.lifetime(),
                            List.of(side.lifetimeSource(), source(row.line())));
                    created.computeIfAbsent(row.line(), line -> new ArrayList<>()).add(FactRef.of("country", side.code()));
                }
            }
        }
        return created;
    }

    /**
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) naming what cannot be read
     */
    private Read read(Row row) {
        List<String> fields = row.fields();
        if (fields.size() != HEADER.size()) {
            throw new InvalidInputException("line " + row.line(), "has " + fields.size() + " fields, not " + HEADER.size());
        }
        CsvFields.check(HEADER, fields);
        CowCrosswalk.Entry side1 = state(fields.get(0), "ccode1");
        CowCrosswalk.Entry side2 = state(fields.get(1), "ccode2");
        if (side1.cowCode() == side2.cowCode()) {
            throw new InvalidInputException("ccode2", "is the same state as ccode1");
        }
        if (side1.code().equals(side2.code())) { // the German Federal Republic and Germany are both DE
            throw new InvalidInputException("ccode2", "is COW state " + side2.cowCode() + ", recorded as " + side2.code()
                    + " as ccode1, COW state " + side1.cowCode() + ", is: an observation of a country in itself says "
                    + "nothing of two countries");
        }
        int year = integer(fields.get(2), "year");
        int thisYear = today.date().getYear();
        if (year < FIRST_YEAR || year > thisYear) {
            throw new InvalidInputException("year", "is " + year + "; the state system's years run from " + FIRST_YEAR
                    + " to this year, " + thisYear);
        }
        ObservationLevel atSide1 = level(fields.get(3), "DR_at_1");
        ObservationLevel atSide2 = level(fields.get(4), "DR_at_2");
        String de = fields.get(5).trim();
        boolean exchange = atSide1.represents(year) || atSide2.represents(year);
        if (!de.equals(exchange ? "1" : "0")) {
            throw new InvalidInputException("DE", "is " + (de.isEmpty() ? "empty" : de) + " but the levels "
                    + atSide1.cowCode() + " and " + atSide2.cowCode() + " in " + year + " say "
                    + (exchange ? "1" : "0"));
        }
        version(fields.get(6));
        return new Read(row.line(), side1, side2, year, atSide1, atSide2);
    }

    /** The version column names v2006.1 (published as the single-precision 2006.0999755859375): another is other data. */
    private static void version(String text) {
        try {
            // a decimal as written: Java's own parser would take 2006.1d, 2006.1f and hexadecimal
            if (new BigDecimal(text.trim()).subtract(VERSION).abs().compareTo(VERSION_TOLERANCE) < 0) {
                return;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidInputException("version", "is '" + text + "', not 2006.1, the version of the data set this "
                + "format reads (its observations are labelled " + DATASET + ")");
    }

    private CowCrosswalk.Entry state(String text, String field) {
        int code = integer(text, field);
        return crosswalk.find(code).orElseThrow(() -> new InvalidInputException(field,
                "names a COW state code the crosswalk does not know: " + code));
    }

    private static int integer(String text, String field) {
        try {
            return CsvFields.integer(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, CsvFields.beyondNineDigits(text)
                    ? "is out of range: '" + text.trim() + "' (a code or year of the data set has at most nine digits)"
                    : "is not an integer: '" + text + "'");
        }
    }

    private static ObservationLevel level(String text, String field) {
        return ObservationLevel.ofCowCode(text.trim()).orElseThrow(() -> new InvalidInputException(field,
                "is not a level code of the data set (0, 1, 2, 3 or 9): '" + text + "'"));
    }
}
