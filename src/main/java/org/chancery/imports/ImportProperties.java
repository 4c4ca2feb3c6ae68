package org.chancery.imports;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code chancery.imports.max-size}: the largest file an import takes (50 MB; larger answers 413);
 * {@code chancery.imports.spool-dir}: where uploaded files wait while their job runs (a folder of the
 * system's temporary directory).
 */
@ConfigurationProperties("chancery.imports")
record ImportProperties(DataSize maxSize, Path spoolDir) {

    ImportProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(50) : maxSize;
        spoolDir = spoolDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "chancery-imports") : spoolDir;
    }
}
