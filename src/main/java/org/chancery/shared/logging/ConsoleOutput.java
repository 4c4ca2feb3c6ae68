package org.chancery.shared.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.TimeUnit;

/**
 * The process's standard output, where the console log goes (one line per request among them),
 * written in groups ({@link GroupCommitOutputStream}): a request thread copies its line and goes on,
 * and one writer thread sends what has gathered, at most a millisecond later, in one system call.
 * Standard error stays as it is.
 */
public final class ConsoleOutput {

    /** The most bytes of output pending before a writer waits, as a blocking write would make it. */
    private static final int LIMIT = 1 << 20;

    private ConsoleOutput() {
    }

    /** Replaces {@code System.out}; its pending output is written when the JVM shuts down. */
    public static void writeInGroups() {
        GroupCommitOutputStream out = new GroupCommitOutputStream(new FileOutputStream(FileDescriptor.out), LIMIT,
                1, TimeUnit.MILLISECONDS, "console-writer");
        System.setOut(new PrintStream(out, false, consoleCharset()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                out.close();
            } catch (IOException e) {
                // standard output is gone: nothing to write to
            }
        }, "console-writer-close"));
    }

    /** The charset the JVM chose for standard output (Java 17 names it in one property, later ones in another). */
    private static Charset consoleCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }
}
