package org.chancery.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;

import org.chancery.imports.ImportFormat;
import org.chancery.imports.ImportJob;
import org.chancery.imports.ImportOutcome;
import org.chancery.imports.ImportStatus;
import org.chancery.imports.Imports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the history profile's load at start-up says of a job that did not succeed. */
@ExtendWith(OutputCaptureExtension.class)
class HistoryLoaderTests {

    @Test
    void aLoadCancelledByAnAdministratorIsAWarningThatTheNextStartLoadsIt(CapturedOutput output) throws Exception {
        loading(new ImportJob(1, KenkelUsMissionsFormat.NAME, ImportStatus.FAILED, "history", Instant.now(),
                Instant.now(), 656, 12, Map.of(), ImportJob.cancellationError("admin"), "admin"));

        assertThat(output.getOut()).contains("WARN", "import 1 was cancelled by admin. The next start loads it.")
                .doesNotContain("ERROR");
    }

    @Test
    void aLoadThatCouldNotGoOnIsAnErrorAlsoAfterACancellation(CapturedOutput output) throws Exception {
        loading(new ImportJob(2, KenkelUsMissionsFormat.NAME, ImportStatus.FAILED, "history", Instant.now(),
                Instant.now(), 656, 12, Map.of(), "The job lost its database connection.", null));
        loading(new ImportJob(3, KenkelUsMissionsFormat.NAME, ImportStatus.FAILED, "history", Instant.now(),
                Instant.now(), 656, 12, Map.of(), "The job lost its database connection.", "admin"));

        assertThat(output.getOut()).contains("ERROR", "not loaded (import 2): The job lost its database connection.",
                "not loaded (import 3): The job lost its database connection.").doesNotContain("was cancelled");
    }

    @Test
    void aLoadWithRejectedRowsIsAWarningNamingTheirReportAndAWholeLoadIsInformation(CapturedOutput output)
            throws Exception {
        loading(new ImportJob(4, KenkelUsMissionsFormat.NAME, ImportStatus.SUCCEEDED, "history", Instant.now(),
                Instant.now(), 656, 656, Map.of(ImportOutcome.IMPORTED, 332, ImportOutcome.ALREADY_PRESENT, 320,
                        ImportOutcome.REJECTED, 4), null, null));
        loading(new ImportJob(5, KenkelUsMissionsFormat.NAME, ImportStatus.SUCCEEDED, "history", Instant.now(),
                Instant.now(), 656, 656, Map.of(ImportOutcome.IMPORTED, 656), null, null));

        assertThat(output.getOut()).contains("WARN", "loaded but for 4 rows that contradict facts recorded before "
                + "(import 4", "GET /api/imports/4/rows?outcome=REJECTED")
                .doesNotContain("ERROR");
        assertThat(output.getOut().lines().filter(line -> line.contains("U.S. mission history loaded in")))
                .singleElement().asString().contains("INFO", "(import 5: ");
    }

    private static void loading(ImportJob ended) throws Exception {
        Imports imports = mock(Imports.class);
        ImportFormat format = mock(ImportFormat.class);
        when(imports.format(KenkelUsMissionsFormat.NAME)).thenReturn(format);
        when(imports.runNow(any(ImportFormat.class), any(InputStream.class), anyString(), anyString()))
                .thenReturn(ended);

        new HistoryLoader(imports).run(new DefaultApplicationArguments());
    }
}
