package org.chancery.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.chancery.imports.ImportFormat;
import org.chancery.imports.ImportJob;
import org.chancery.imports.ImportOutcome;
import org.chancery.imports.ImportStatus;
import org.chancery.imports.Imports;
import org.chancery.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the history profile's load at start-up says of a job that did not succeed, and how it waits for another. */
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

    @Test
    void aStartWhileAnotherInstanceLoadsTheHistoryWaitsForItAndLoadsNothingMore(CapturedOutput output)
            throws Exception {
        Imports imports = mock(Imports.class);
        when(imports.format(KenkelUsMissionsFormat.NAME)).thenReturn(mock(ImportFormat.class));
        when(imports.succeededOnce(KenkelUsMissionsFormat.NAME)).thenReturn(false, true);
        when(imports.runNow(any(ImportFormat.class), any(InputStream.class), anyString(), anyString()))
                .thenThrow(new ConflictException("IMPORT_RUNNING", "Import 1 (kenkel-us-missions, 28 of 656 rows "
                        + "done) is running; one import runs at a time."));
        ImportJob running = new ImportJob(1, KenkelUsMissionsFormat.NAME, ImportStatus.RUNNING, "history",
                Instant.now(), null, 656, 28, Map.of(), null, null);
        when(imports.running()).thenReturn(Optional.of(running), Optional.of(running), Optional.empty());

        new HistoryLoader(imports, Duration.ofMillis(1)).run(new DefaultApplicationArguments());

        verify(imports, times(3)).running();
        verify(imports, times(1)).runNow(any(ImportFormat.class), any(InputStream.class), anyString(), anyString());
        assertThat(output.getOut()).contains("waits: Import 1 (kenkel-us-missions, 28 of 656 rows done)",
                "loaded meanwhile by another import").doesNotContain("WARN", "ERROR", "The next start");
    }

    @Test
    void aStartThatWaitedForAnImportThatLoadedNoHistoryLoadsItThen(CapturedOutput output) throws Exception {
        Imports imports = mock(Imports.class);
        when(imports.format(KenkelUsMissionsFormat.NAME)).thenReturn(mock(ImportFormat.class));
        when(imports.succeededOnce(KenkelUsMissionsFormat.NAME)).thenReturn(false);
        when(imports.runNow(any(ImportFormat.class), any(InputStream.class), anyString(), anyString()))
                .thenThrow(new ConflictException("IMPORT_RUNNING", "Import 8 (cow-diplomatic-exchange, 10 of 90 rows "
                        + "done) is running; one import runs at a time."))
                .thenReturn(new ImportJob(9, KenkelUsMissionsFormat.NAME, ImportStatus.SUCCEEDED, "history",
                        Instant.now(), Instant.now(), 656, 656, Map.of(ImportOutcome.IMPORTED, 656), null, null));
        when(imports.running()).thenReturn(Optional.empty());

        new HistoryLoader(imports, Duration.ofMillis(1)).run(new DefaultApplicationArguments());

        verify(imports, times(2)).runNow(any(ImportFormat.class), any(InputStream.class), anyString(), anyString());
        assertThat(output.getOut()).contains("U.S. mission history loaded in", "(import 9: ");
    }

    @Test
    void aStartThatStopsWhileItWaitsGivesUpAndLeavesTheLoadToTheNextStart(CapturedOutput output) throws Exception {
        Imports imports = mock(Imports.class);
        when(imports.format(KenkelUsMissionsFormat.NAME)).thenReturn(mock(ImportFormat.class));
        when(imports.runNow(any(ImportFormat.class), any(InputStream.class), anyString(), anyString()))
                .thenThrow(new ConflictException("IMPORT_RUNNING", "Import 3 is running; one import runs at a time."));
        when(imports.running()).thenReturn(Optional.of(new ImportJob(3, "chancery-ndjson", ImportStatus.RUNNING,
                "admin", Instant.now(), null, 90_000, 10, Map.of(), null, null)));
        when(imports.stopping()).thenReturn(false, false, true);

        new HistoryLoader(imports, Duration.ofMillis(1)).run(new DefaultApplicationArguments());

        verify(imports, times(2)).running();
        verify(imports, times(1)).runNow(any(ImportFormat.class), any(InputStream.class), anyString(), anyString());
        assertThat(output.getOut()).contains("the server stopped (or the database did not answer) while it waited. "
                + "The next start loads it.").doesNotContain("ERROR");
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
