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

    /**
     * Receives the CSV records of the text, numbered from 1 (the header first), each with the line of the text it
     * starts on, which reports name (a record whose quoted field holds a line break spans more than one line).
     */
    @FunctionalInterface
    public interface RecordHandler {
        void record(int number, int line, List<String> fields) throws IOException;
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
            int number = 0;
            int line = 1;
            while (true) {
                List<String> record;
                try {
                    if (!records.hasNextValue()) {
                        break;
                    }
                    record = records.nextValue();
                } catch (tools.jackson.core.JacksonException e) {
                    // the column the parser stopped at, if on the record's first line: a quote left open runs on
                    // to the end of the file, whose column says nothing of the record
                    boolean onItsLine = e.getLocation() != null && e.getLocation().getLineNr() == line;
                    throw new CsvSyntaxException(line, onItsLine ? JsonMistakes.where(e) : JsonMistakes.why(e));
                }
                handler.record(++number, line, record);
                line += 1 + lineBreaks(record);
            }
        }
    }

    /** The line breaks within a record's fields (only a quoted field holds one): CR LF, LF or CR, each one. */
    private static int lineBreaks(List<String> fields) {
        int breaks = 0;
        for (String field : fields) {
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == field.length() || field.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
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

    /** The stream past a UTF-8 byte order mark, if it starts with one; closed if it cannot be read. */
    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] start = new byte[3];
        int read;
        try {
            read = pushback.readNBytes(start, 0, 3);
        } catch (IOException e) {
            pushback.close();
            throw e;
        }
        boolean bom = read == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
        if (!bom && read > 0) {
            pushback.unread(start, 0, read);
        }
        return pushback;
    }
}
