package org.chancery.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * V30: the countries' and diplomats' search keys ({@link SearchText}) written again where a key of today differs
 * from the one stored: an earlier release dropped the vowel signs of the scripts that spell with them (Devanagari,
 * Thai, a kana's voicing mark) and Cyrillic's й and ї, kept the characters that are not seen (a zero-width non-joiner,
 * a direction mark), the apostrophes, the Indic nukta and the Arabic-script letters one keyboard writes otherwise
 * than another, so that "कताब" found "किताब" and "AliReza" did not find the name written with a non-joiner between its
 * parts, nor "obrien" O'Brien. The diplomats are read a range of ids at a time (PostgreSQL's statements run 30 s at
 * most); only the keys that change are written. A Spring bean, which Spring Boot hands to Flyway with the SQL
 * migrations.
 */
@Component
class V30__name_keys_rewritten extends BaseJavaMigration {

    /** The diplomat ids one statement reads. */
    static final long RANGE = 20_000;

    private static final String COUNTRIES = "SELECT code, name, name_key FROM country";
    private static final String COUNTRY = "UPDATE country SET name_key = ? WHERE code = ?";
    private static final String LAST = "SELECT COALESCE(MAX(id), 0) FROM diplomat";
    private static final String DIPLOMATS = "SELECT id, name, name_key FROM diplomat WHERE id > ? AND id <= ?";
    private static final String DIPLOMAT = "UPDATE diplomat SET name_key = ? WHERE id = ?";

    private static final Logger log = LoggerFactory.getLogger(V30__name_keys_rewritten.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Object> blank = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(COUNTRIES);
                PreparedStatement update = connection.prepareStatement(COUNTRY)) {
            rewrite(rows, update, blank);
        }
        tellBlank("countries", blank);
        blank.clear();
        long last;
        try (Statement statement = connection.createStatement(); ResultSet max = statement.executeQuery(LAST)) {
            max.next();
            last = max.getLong(1);
        }
        try (PreparedStatement select = connection.prepareStatement(DIPLOMATS);
                PreparedStatement update = connection.prepareStatement(DIPLOMAT)) {
            for (long after = 0; after < last; after += RANGE) {
                select.setLong(1, after);
                select.setLong(2, after + RANGE);
                try (ResultSet rows = select.executeQuery()) {
                    rewrite(rows, update, blank);
                }
            }
        }
        tellBlank("diplomats", blank);
    }

    /**
     * Says which records an earlier release kept with a name of which nothing is seen (a control character alone, a
     * no-break space), which a change of theirs is now refused for (400 "must not be blank") until it names them.
     */
    private static void tellBlank(String what, List<Object> keys) {
        if (!keys.isEmpty()) {
            log.warn("{} {} kept by an earlier release have a name of which nothing is seen; a change of them must "
                    + "give one: {}", keys.size(), what, keys.size() > 100 ? keys.subList(0, 100) + " and more" : keys);
        }
    }

    /**
     * Writes the key of each row (its key column, its name, its stored key) whose stored key is not today's, and
     * adds the key column of each whose name is blank to {@code blank}.
     */
    private static void rewrite(ResultSet rows, PreparedStatement update, List<Object> blank) throws SQLException {
        int pending = 0;
        while (rows.next()) {
            if (Text.isBlank(rows.getString(2))) {
                blank.add(rows.getObject(1));
            }
            String key = SearchText.key(rows.getString(2));
            if (!key.equals(rows.getString(3))) {
                update.setString(1, key);
                update.setObject(2, rows.getObject(1));
                update.addBatch();
                pending++;
            }
        }
        if (pending > 0) {
            update.executeBatch();
        }
    }

    /** Of the statements it runs and the range they take: Flyway refuses to start on a database it ran otherwise. */
    @Override
    public Integer getChecksum() {
        return JavaMigrations.checksum(COUNTRIES, COUNTRY, LAST, DIPLOMATS, DIPLOMAT, RANGE);
    }
}
