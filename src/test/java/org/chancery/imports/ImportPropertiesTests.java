package org.chancery.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

/** {@code chancery.imports.*} as a deployment sets them. */
@ExtendWith(OutputCaptureExtension.class)
class ImportPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ImportProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void aPublicAddressIsKeptWithoutItsTrailingSlash() {
        context.withPropertyValues("chancery.imports.public-url=https://chancery.example.org/desk/")
                .run(started -> assertThat(started.getBean(ImportProperties.class).publicUrl())
                        .isEqualTo("https://chancery.example.org/desk"));
    }

    @Test
    void withoutAPublicAddressTheJobsAreCitedWhereTheyWereStarted() {
        context.withPropertyValues("chancery.imports.public-url=")
                .run(started -> assertThat(started.getBean(ImportProperties.class).publicUrl()).isNull());
    }

    @Test
    void aPublicAddressThatIsNotAnHttpUrlStopsTheStart() {
        for (String wrong : new String[] {"chancery.example.org", "ftp://chancery.example.org", "https://",
            "https://chancery.example.org/?desk=1", "https://chancery.example.org/#desk",
            "https://user:secret@chancery.example.org"}) {
            context.withPropertyValues("chancery.imports.public-url=" + wrong)
                    .run(started -> assertThat(started).as(wrong).hasFailed()
                            .getFailure().rootCause().hasMessageContaining("public-url"));
        }
    }

    @Test
    void aLargestFileUnderAKilobyteStopsTheStartSayingThatANumberWithoutUnitCountsBytes() {
        for (String wrong : new String[] {"-5MB", "0", "50", "1023B"}) {
            context.withPropertyValues("chancery.imports.max-size=" + wrong)
                    .run(started -> assertThat(started).as(wrong).hasFailed()
                            .getFailure().rootCause().hasMessageContaining("chancery.imports.max-size must be at least "
                                    + "1KB (a number without a unit counts bytes: write 50MB)"));
        }
        context.withPropertyValues("chancery.imports.max-size=1KB").run(started -> assertThat(started
                .getBean(ImportProperties.class).maxSize()).isEqualTo(DataSize.ofKilobytes(1)));
    }

    @Test
    void aSpoolFolderThatCannotBeMadeIsSaidAtTheStartNamingTheProperty() {
        ImportProperties properties = new ImportProperties(null, Path.of("/proc/chancery-nope/spool"), null);

        assertThatThrownBy(properties::prepareSpool).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chancery.imports.spool-dir");
    }

    @Test
    void aSpoolFolderThatCannotBeMadeStopsTheStartWithSpringBootsShortReportNotAStackTrace() {
        Throwable failure = new BeanCreationException("imports", "Failed to instantiate Imports",
                catchThrowable(new ImportProperties(null, Path.of("/proc/chancery-nope/spool"), null)::prepareSpool));

        // as Spring Boot's FailureAnalyzers loads them at a failed start
        ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
                .and(Environment.class, new StandardEnvironment());
        List<FailureAnalysis> analyses = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, arguments).stream().map(analyzer -> analyzer.analyze(failure))
                .filter(Objects::nonNull).toList();

        assertThat(analyses).singleElement().satisfies(analysis -> {
            assertThat(analysis.getDescription()).startsWith("chancery.imports.spool-dir /proc/chancery-nope/spool");
            assertThat(analysis.getAction()).contains("chancery.imports.spool-dir");
        });
    }

    @Test
    void aMissingSpoolFolderIsMade(@TempDir Path temp) {
        Path spool = temp.resolve("a/b");
        new ImportProperties(null, spool, null).prepareSpool();

        assertThat(spool).isDirectory().isWritable();
    }

    @Test
    void theDefaultSpoolFolderEveryUserMayWriteToStopsTheStartUnlessItHasTheStickyBit(@TempDir Path temp)
            throws Exception {
        Path spool = Files.createDirectory(temp.resolve("spool"));
        Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> new ImportProperties(null, spool, null).prepareSpool(true))
                .isInstanceOf(ImportProperties.UnusableSpoolFolder.class)
                .hasMessage("chancery.imports.spool-dir " + spool + " can be written to by every user (mode 777, "
                        + "without the sticky bit): they could swap the files waiting there for their import");

        // as /tmp: others may make their own files there, not rename this server's
        assertThat(new ProcessBuilder("chmod", "1777", spool.toString()).start().waitFor()).isZero();
        new ImportProperties(null, spool, null).prepareSpool(true);
        // shared with the server's group
        Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwxrwxr-x"));
        new ImportProperties(null, spool, null).prepareSpool(true);
    }

    @Test
    void theDefaultSpoolFolderAnotherUserOwnsOrALinkStopsTheStart(@TempDir Path temp) throws Exception {
        Path spool = Files.createDirectory(temp.resolve("spool"));
        UserPrincipal nobody = spool.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        // the tests run as root (the machines' and CI's user), who may give the folder away and still write to it
        Files.setOwner(spool, nobody);

        assertThatThrownBy(() -> new ImportProperties(null, spool, null).prepareSpool(true))
                .isInstanceOf(ImportProperties.UnusableSpoolFolder.class)
                .hasMessageStartingWith("chancery.imports.spool-dir " + spool + " belongs to nobody, not to the user "
                        + "who runs this server (uid ");
        try (var left = Files.list(spool)) {
            assertThat(left).as("the probe that learnt the server's user is gone").isEmpty();
        }

        Path own = Files.createDirectory(temp.resolve("own"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), own);
        assertThatThrownBy(() -> new ImportProperties(null, link, null).prepareSpool(true))
                .isInstanceOf(ImportProperties.UnusableSpoolFolder.class)
                .hasMessage("chancery.imports.spool-dir " + link + " is a symbolic link, which its owner may point "
                        + "elsewhere: they could swap the files waiting there for their import");
    }

    @Test
    void aConfiguredSpoolFolderOthersCouldWriteToIsWarnedOfAndUsed(@TempDir Path temp, CapturedOutput output)
            throws Exception {
        // a volume mounted for the server (a Kubernetes emptyDir is 777), a folder of another user shared on purpose
        Path spool = Files.createDirectory(temp.resolve("spool"));
        Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), spool);

        new ImportProperties(null, spool, null).prepareSpool(false);
        new ImportProperties(null, link, null).prepareSpool(false);

        assertThat(output.getOut()).contains("WARN").contains("chancery.imports.spool-dir " + spool + " can be written "
                + "to by every user (mode 777, without the sticky bit): they could swap the files waiting there for "
                + "their import").contains("chancery.imports.spool-dir " + link + " can be written to by every user");
    }
}
