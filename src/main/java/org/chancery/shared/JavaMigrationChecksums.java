package org.chancery.shared;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum of a Java migration, of the statements it runs and the values it runs them with, as Flyway keeps an
 * SQL migration's of its text: a database that ran another version of the migration is refused at the start
 * ("checksum mismatch"), as it is for an SQL migration.
 */
public final class JavaMigrationChecksums {

    private JavaMigrationChecksums() {
    }

    public static int of(Object... parts) {
        CRC32 crc = new CRC32();
        for (Object part : parts) {
            crc.update(part.toString().getBytes(StandardCharsets.UTF_8));
            crc.update(0);
        }
        return (int) crc.getValue();
    }
}
