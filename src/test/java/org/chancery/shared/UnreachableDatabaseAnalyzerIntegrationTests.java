package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.chancery.ChanceryApplication;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class UnreachableDatabaseAnalyzerIntegrationTests {

    @Test
    void aDatabaseThatRefusesTheConnectionStopsTheStartWithAReportNamingItsAddressWithoutItsParameters(
            CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(ChanceryApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/chancery?password=not-to-be-shown",
                "--spring.datasource.username=postgres")).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START",
                "The database at jdbc:postgresql://127.0.0.1:1/chancery could not be used: Connection to 127.0.0.1:1 "
                        + "refused", "Check that the database runs and takes connections at that address")
                .doesNotContain("not-to-be-shown", "Could not read whether the database ran a migration");
    }

    @Test
    void aFileDatabaseAnotherProcessHoldsIsSaidSo() {
        SQLException inUse = new SQLException("Database may be already in use: \"/srv/chancery/data/chancery.mv.db\". "
                + "Possible solutions: close all other connection(s); use the server mode [90020-232]", "90020", 90020);

        FailureAnalysis analysis = analyzer("jdbc:h2:file:./data/chancery;LOCK_TIMEOUT=10000")
                .analyze(new FlywayException("Could not read whether the database ran a migration", inUse));

        assertThat(analysis.getDescription())
                .isEqualTo("The database at jdbc:h2:file:./data/chancery could not be used: " + inUse.getMessage());
        assertThat(analysis.getAction()).startsWith("Stop the other process that has this file database open");
    }

    @Test
    void anH2DatabaseThatIsNotThereIsSaidSo(@TempDir Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("none") + ";IFEXISTS=TRUE";
        SQLException notThere = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(url, "sa", ""));

        FailureAnalysis analysis = analyzer(url).analyze(notThere);

        assertThat(analysis.getDescription()).startsWith("The database at jdbc:h2:file:" + folder.resolve("none")
                + " could not be used: Database \"" + folder.resolve("none"));
    }

    @Test
    void aFailureOfAnotherKindIsLeftToItsStackTrace() {
        assertThat(analyzer("jdbc:h2:mem:x").analyze(new SQLException("Syntax error in SQL statement", "42000", 42000)))
                .isNull();
    }

    private static UnreachableDatabaseAnalyzer analyzer(String url) {
        return new UnreachableDatabaseAnalyzer(new MockEnvironment().withProperty("spring.datasource.url", url));
    }
}
