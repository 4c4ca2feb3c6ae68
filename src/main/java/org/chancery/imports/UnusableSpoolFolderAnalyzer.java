package org.chancery.imports;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A spool folder that cannot be made or written to, or a default one other users could write to, stops the start
 * with Spring Boot's "APPLICATION FAILED TO START" report naming {@code chancery.imports.spool-dir}, like a
 * setting that cannot be bound (registered in {@code META-INF/spring.factories}).
 */
class UnusableSpoolFolderAnalyzer extends AbstractFailureAnalyzer<ImportProperties.UnusableSpoolFolder> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ImportProperties.UnusableSpoolFolder cause) {
        return new FailureAnalysis(cause.getMessage(), "Set chancery.imports.spool-dir to a folder this process "
                + "can make and write to and other users cannot (by default chancery-imports in the system's temporary "
                + "folder, java.io.tmpdir, which another user may have made first: name a folder of this process's "
                + "user), or give the process the right to write to it.", cause);
    }
}
