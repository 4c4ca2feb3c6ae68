package org.chancery.imports;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

import org.chancery.shared.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code chancery.imports.max-size}: the largest file an import takes (50 MB; larger answers 413);
 * {@code chancery.imports.spool-dir}: where uploaded files wait while their job runs (a folder of the
 * system's temporary directory); {@code chancery.imports.public-url}: the address clients reach
 * Chancery at ({@code https://chancery.example.org}), where the facts of a format without a dataset
 * of its own cite their job — unset, the address the import was started at, {@code Host} included.
 */
@ConfigurationProperties("chancery.imports")
@Validated
record ImportProperties(DataSize maxSize, Path spoolDir, @HttpUrl String publicUrl) {

    private static final Logger log = LoggerFactory.getLogger(ImportProperties.class);

    ImportProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(50) : maxSize;
        if (maxSize.toBytes() < DataSize.ofKilobytes(1).toBytes()) {
            // most often a number written without its unit, which counts bytes
            throw new IllegalArgumentException("chancery.imports.max-size must be at least 1KB (a number without a "
                    + "unit counts bytes: write 50MB), not " + maxSize);
        }
        spoolDir = spoolDir == null ? defaultSpoolDir() : spoolDir;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
        if (publicUrl != null && !isBase(publicUrl)) {
            throw new IllegalArgumentException("chancery.imports.public-url must be an address without user "
                    + "information, query or fragment: every imported fact cites it");
        }
    }

    /**
     * Makes the spool folder if it is missing, at the start: a folder that cannot be made or written to stops the
     * start, naming the property, rather than failing every import later; so does the default folder if other users
     * could swap the files waiting in it ({@link #othersMayWrite}), which a folder configured is only warned of.
     */
    void prepareSpool() {
        prepareSpool(spoolDir.equals(defaultSpoolDir()));
    }

    /** {@link #prepareSpool()}, strict as for the default folder or not. */
    void prepareSpool(boolean strict) {
        try {
            Files.createDirectories(spoolDir);
        } catch (IOException | SecurityException e) {
            throw new UnusableSpoolFolder(spoolDir + " cannot be made: " + e, e);
        }
        if (!Files.isDirectory(spoolDir) || !Files.isWritable(spoolDir)) {
            throw new UnusableSpoolFolder(spoolDir + " is not a folder this process can write to", null);
        }
        if (!spoolDir.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return;
        }
        othersMayWrite(strict).ifPresent(why -> {
            if (strict) {
                throw new UnusableSpoolFolder(spoolDir + " " + why + ": they could swap the files waiting there for "
                        + "their import", null);
            }
            log.warn("chancery.imports.spool-dir {} {}: they could swap the files waiting there for their import",
                    spoolDir, why);
        });
    }

    /**
     * What lets users other than this server's swap the files waiting in the folder, if anything: another owner
     * (root aside, who may do anything anyway), or a folder every user may write to without the sticky bit (as
     * {@code /tmp} has), where anyone may rename this server's folder; strict, a symbolic link too (whoever owns it
     * may point it elsewhere). In the system's temporary directory, whoever makes {@code chancery-imports} first owns
     * it; a folder configured is the administrator's choice (a volume mounted for the server, shared by its group).
     */
    private Optional<String> othersMayWrite(boolean strict) {
        LinkOption[] links = strict ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        try {
            if (strict && Files.isSymbolicLink(spoolDir)) {
                return Optional.of("is a symbolic link, which its owner may point elsewhere");
            }
            Path probe = Files.createTempFile(spoolDir, ".owner-", "");
            int self;
            try {
                self = (Integer) Files.getAttribute(probe, "unix:uid");
            } finally {
                Files.deleteIfExists(probe);
            }
            int owner = (Integer) Files.getAttribute(spoolDir, "unix:uid", links);
            if (owner != self && owner != 0) {
                return Optional.of("belongs to " + Files.getOwner(spoolDir, links).getName() + ", not to the user who "
                        + "runs this server (uid " + self + ")");
            }
            int mode = (Integer) Files.getAttribute(spoolDir, "unix:mode", links);
            if ((mode & 0002) != 0 && (mode & 01000) == 0) {
                return Optional.of("can be written to by every user (mode " + Integer.toOctalString(mode & 07777)
                        + ", without the sticky bit)");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UnusableSpoolFolder(spoolDir + " cannot be checked: " + e, e);
        }
    }

    private static Path defaultSpoolDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "chancery-imports");
    }

    /** Whether {@code url} can start a path: no user information, query or fragment (a URL that cannot be read is left to {@link HttpUrl}). */
    private static boolean isBase(String url) {
        try {
            URI uri = new URI(url);
            return uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException unreadable) {
            return true;
        }
    }

    /**
     * The spool folder cannot be used: the start stops with {@link UnusableSpoolFolderAnalyzer}'s short report, as
     * it does for a setting that cannot be bound, not with a stack trace.
     */
    static final class UnusableSpoolFolder extends IllegalStateException {

        UnusableSpoolFolder(String what, Throwable cause) {
            super("chancery.imports.spool-dir " + what, cause);
        }
    }
}
