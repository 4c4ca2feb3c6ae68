package org.chancery.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chancery.shared.JsonMistakes;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * An uploaded file, spooled to disk and known to be UTF-8 text, read as a stream (never whole into
 * memory): line by line, or as CSV records. A byte order mark at the start is skipped.
 */
public final class ImportInput {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private final Path file;

    ImportInput(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** A reader of the text, from its start. */
    public BufferedReader reader() throws IOException {
        return new BufferedReader(new InputStreamReader(withoutByteOrderMark(Files.newInputStream(file)),
                StandardCharsets.UTF_8), 1 << 16);
    }

    /** Receives the lines of the text, numbered from 1, without their line ends. */
    @FunctionalInterface
    public interface LineHandler {
        void line(int number, String text) throws IOException;
    }

    public void lines(LineHandler handler) throws IOException {
        try (BufferedReader reader = reader()) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                handler.line(++number, line);
            }
        }
    }

    /** Receives the CSV records of the text, the header first (line 1); a record's line is its number plus one. */
    @FunctionalInterface
    public interface RecordHandler {
        void record(int line, List<String> fields) throws IOException;
    }

    /**
     * Reads the text as RFC 4180 CSV, one record at a time.
     *
     * @throws CsvSyntaxException if the text is not CSV from some record on (an unterminated quote)
     */
    public void records(RecordHandler handler) throws IOException {
        try (Reader reader = reader();
                MappingIterator<List<String>> records = CSV.readerForListOf(String.class)
                        .with(CsvSchema.emptySchema()).readValues(reader)) {
            int line = 0;
            while (true) {
                List<String> record;
                try {
                    if (!records.hasNextValue()) {
                        break;
                    }
                    record = records.nextValue();
                } catch (tools.jackson.core.JacksonException e) {
                    throw new CsvSyntaxException(line + 1, JsonMistakes.where(e));
                }
                handler.record(++line, record);
            }
        }
    }

    /** Text that stops being CSV at a record. */
    public static final class CsvSyntaxException extends RuntimeException {

        private final int line;

        CsvSyntaxException(int line, String where) {
            super("line " + line + " is not CSV" + where);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] start = new byte[3];
        int read = pushback.readNBytes(start, 0, 3);
        boolean bom = read == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
        if (!bom && read > 0) {
            pushback.unread(start, 0, read);
        }
        return pushback;
    }
}
