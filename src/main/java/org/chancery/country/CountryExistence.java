package org.chancery.country;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.chancery.shared.DatabaseProduct;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R22, a country takes part only in facts dated within its existence, checked in the writing
 * transaction against the lifetimes as they are in the database. The rows of the countries are
 * read with a lock that a change of their lifetime ({@code PUT /api/countries/{code}}, which locks
 * the row for update) waits on, and the other way round: a shared lock on PostgreSQL, so that
 * writers of facts do not wait on each other; H2 has only the exclusive one. Rows are locked in the
 * order of their codes, after any pair lock the writer holds and before any diplomat's, so that
 * writers never wait on each other in a circle.
 */
@Component
public class CountryExistence {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private volatile String lockClause;

    CountryExistence(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Locks the rows of {@code countries} until the transaction ends and answers their lifetimes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Lifetimes lock(CountryCode... countries) {
        return locked("code = any(:codes)", Map.of("codes", codes(countries)));
    }

    /**
     * Locks, in one statement, the rows of {@code countries} and of the countries that {@code referrers} name, until
     * the transaction ends, and answers their lifetimes: a writer that locks those rows after their countries (a
     * meeting, its participants) takes the countries first, in the order every writer takes them, without reading the
     * rows before. A referrer's country can change once this has run and before its row is locked: the caller takes
     * the lifetimes {@linkplain Lifetimes#of(Collection) of} the countries it then reads.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Lifetimes lock(Referrers referrers, CountryCode... countries) {
        return locked("code = any(:codes) or code in (select " + referrers.column() + " from " + referrers.table()
                + " where id = any(:ids))",
                Map.of("codes", codes(countries), "ids", referrers.ids().toArray(Long[]::new)));
    }

    private static String[] codes(CountryCode... countries) {
        return Arrays.stream(countries).map(CountryCode::value).distinct().sorted().toArray(String[]::new);
    }

    private Lifetimes locked(String condition, Map<String, Object> params) {
        Map<CountryCode, Named> found = new TreeMap<>();
        jdbc.sql("select code, name, started_on, ended_on from country where " + condition + " order by code "
                        + lockClause())
                .params(params)
                .query((ResultSet row) -> {
                    found.put(new CountryCode(row.getString(1)), new Named(row.getString(2),
                            new Lifetime(row.getObject(3, LocalDate.class), row.getObject(4, LocalDate.class))));
                });
        return new Lifetimes(found);
    }

    /**
     * The countries that rows of another table name: those of {@code table} whose {@code id} is among {@code ids},
     * each naming its country's code in {@code column}. The table and the column are the calling module's own
     * names, never a client's input.
     */
    public record Referrers(String table, String column, List<Long> ids) {

        private static final Pattern NAME = Pattern.compile("[a-z_]+");

        public Referrers {
            if (!NAME.matcher(table).matches() || !NAME.matcher(column).matches()) {
                throw new IllegalArgumentException("Not a table and a column: " + table + "." + column);
            }
            ids = List.copyOf(ids);
        }
    }

    /** The lock clause of this database, asked once, on the writer's own connection ({@link DatabaseProduct}). */
    private String lockClause() {
        String clause = lockClause;
        if (clause == null) {
            clause = DatabaseProduct.isPostgres(dataSource) ? "for share" : "for update";
            lockClause = clause;
        }
        return clause;
    }

    /** A country's name and lifetime. */
    record Named(String name, Lifetime lifetime) {
    }

    /** The lifetimes of the countries a fact names, locked for the transaction. */
    public static final class Lifetimes {

        private final Map<CountryCode, Named> countries;

        Lifetimes(Map<CountryCode, Named> countries) {
            this.countries = countries;
        }

        /** The lifetimes of {@code codes} among these, or none unless every one of them is among these. */
        public Optional<Lifetimes> of(Collection<CountryCode> codes) {
            Map<CountryCode, Named> some = new TreeMap<>();
            for (CountryCode code : codes) {
                Named country = countries.get(code);
                if (country == null) {
                    return Optional.empty();
                }
                some.put(code, country);
            }
            return Optional.of(new Lifetimes(some));
        }

        /** Whether a country among these has ceased to exist (its lifetime has an end). */
        public boolean anyEnded() {
            return countries.values().stream().anyMatch(country -> country.lifetime().ended());
        }

        /**
         * R22: every country exists on {@code day}.
         *
         * @param fact what is dated {@code day}, for the message ("the event date", "the opening")
         * @throws RuleViolationException R22 {@code COUNTRY_NOT_IN_EXISTENCE} naming the first that
         *         does not
         */
        public Lifetimes requireExistOn(LocalDate day, String fact) {
            countries.forEach((code, country) -> {
                if (!country.lifetime().existsOn(day)) {
                    throw new RuleViolationException(Rule.R22_COUNTRY_NOT_IN_EXISTENCE, code + " ("
                            + country.name() + ") exists " + country.lifetime().describe() + "; " + fact + " "
                            + day + " is outside its existence.");
                }
            });
            return this;
        }

        /**
         * R22: {@code day}, a closing or an end, is at most the day after each country's last day.
         *
         * @throws RuleViolationException R22 {@code COUNTRY_NOT_IN_EXISTENCE} naming the first
         *         country that ended before
         */
        public Lifetimes requireMayEndOn(LocalDate day, String fact) {
            countries.forEach((code, country) -> {
                if (!country.lifetime().mayEndOn(day)) {
                    throw new RuleViolationException(Rule.R22_COUNTRY_NOT_IN_EXISTENCE, code + " ("
                            + country.name() + ") ceased to exist on " + country.lifetime().endedOn() + "; " + fact
                            + " " + day + " is later than the day after it, " + country.lifetime().endedOn().plusDays(1)
                            + ".");
                }
            });
            return this;
        }
    }
}
