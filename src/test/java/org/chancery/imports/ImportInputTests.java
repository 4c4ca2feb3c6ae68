package org.chancery.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file as the formats read it: lines numbered as a text editor numbers them, CSV records with the line each
 * starts on, and neither read whole when it is longer than any fact is written on.
 */
class ImportInputTests {

    @TempDir
    Path folder;

    @Test
    void readsTheLinesAsBufferedReaderReadsThemWhateverTheLineEnds() throws IOException {
        String wide = "x".repeat((1 << 16) - 1); // a CR LF across two of the reader's buffers
        for (String text : List.of("", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "\n\n", "\r\n\r\n", "a\r\r\nb",
                "\uFEFFa\nb", "é\u2028ü\n", wide + "\r\nb", wide + "\n\rb")) {
            assertThat(lines(text)).as("%.20s", text).isEqualTo(asBufferedReaderReads(text.replace("\uFEFF", "")));
        }
    }

    @Test
    void refusesALineLongerThanAnyFactIsWrittenOnBeforeReadingItWhole() throws IOException {
        String longest = "y".repeat(ImportInput.MAX_RECORD);
        assertThat(lines("a\n" + longest + "\nb")).containsExactly("1 a", "2 " + longest, "3 b");

        assertThatThrownBy(() -> lines("a\r\nb\n" + longest + "y\nc"))
                .isInstanceOfSatisfying(ImportInput.RecordTooLong.class, tooLong -> assertThat(tooLong.line())
                        .isEqualTo(3))
                .hasMessage("line 3 starts a record longer than 1048576 characters (1 MB); no fact is written on so "
                        + "many: is it the file of the format?");
    }

    @Test
    void readsCsvRecordsWithTheLineEachStartsOn() throws IOException {
        List<String> read = records("h1,h2\n\"a\nb\",c\r\nd,\"e\"\"\"\n");

        assertThat(read).containsExactly("1@1 [h1, h2]", "2@2 [a\nb, c]", "3@4 [d, e\"]");
    }

    @Test
    void skipsBlankCsvLinesBeforeTheHeaderAsAfterIt() throws IOException {
        List<String> read = records("\n \r\n\"\",\"\"\nh1,h2\n\n\"\n\"\na,b\n,\n");

        assertThat(read).containsExactly("1@4 [h1, h2]", "2@8 [a, b]");
    }

    @Test
    void refusesACsvRecordLongerThanAnyFactIsWrittenOnBeforeReadingItWhole() throws IOException {
        // one character too many, and forty times too many (50 MB of them ran a 512 MB heap out, read whole)
        String fields = "a,".repeat(ImportInput.MAX_RECORD / 2) + "a";
        String quoted = "\"" + "q\n".repeat(ImportInput.MAX_RECORD / 2) + "q\"";
        String huge = "a,".repeat(ImportInput.MAX_RECORD * 20);

        for (String record : List.of(fields, quoted, huge)) {
            assertThatThrownBy(() -> records("h\n1\n" + record + "\n2\n"))
                    .isInstanceOfSatisfying(ImportInput.RecordTooLong.class, tooLong -> assertThat(tooLong.line())
                            .isEqualTo(3));
        }
        String within = "a,".repeat(ImportInput.MAX_RECORD / 2 - 1) + "a";
        assertThat(records("h\n" + within + "\n2\n")).hasSize(3).last().isEqualTo("3@3 [2]");
    }

    private List<String> lines(String text) throws IOException {
        List<String> lines = new ArrayList<>();
        input(text).lines((number, line) -> lines.add(number + " " + line));
        return lines;
    }

    private List<String> records(String text) throws IOException {
        List<String> records = new ArrayList<>();
        input(text).records((number, line, fields) -> records.add(number + "@" + line + " " + fields));
        return records;
    }

    private static List<String> asBufferedReaderReads(String text) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(lines.size() + 1 + " " + line);
            }
        }
        return lines;
    }

    private ImportInput input(String text) throws IOException {
        Path file = Files.createTempFile(folder, "import", ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new ImportInput(file);
    }
}
