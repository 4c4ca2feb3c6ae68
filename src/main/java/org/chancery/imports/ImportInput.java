package org.chancery.imports;

import java.io.BufferedReader;
import java.io.FilterReader;
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

    /** The most characters a line or a CSV record may have: 1 MB, the API's largest body unless configured. */
    public static final int MAX_RECORD = 1 << 20;

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

    /**
     * Reads the text's lines as {@link BufferedReader#readLine()} does (a line ends at LF, CR or CR LF), each at most
     * {@link #MAX_RECORD} characters.
     *
     * @throws RecordTooLong at a longer line, before it is read whole
     */
    public void lines(LineHandler handler) throws IOException {
        try (Reader reader = reader()) {
            char[] buffer = new char[1 << 16];
            StringBuilder line = new StringBuilder();
            int number = 0;
            boolean afterCr = false;
            int read;
            while ((read = reader.read(buffer)) != -1) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (c == '\n' && afterCr) {
                        start = i + 1; // the LF of a CR LF: the line ended at its CR
                    } else if (c == '\n' || c == '\r') {
                        appendBounded(line, buffer, start, i, number + 1);
                        handler.line(++number, line.toString());
                        line.setLength(0);
                        start = i + 1;
                    }
                    afterCr = c == '\r';
                }
                appendBounded(line, buffer, start, read, number + 1);
            }
            if (!line.isEmpty()) {
                handler.line(++number, line.toString());
            }
        }
    }

    private static void appendBounded(StringBuilder line, char[] buffer, int from, int to, int number) {
        if (line.length() + (to - from) > MAX_RECORD) {
            throw new RecordTooLong(number);
        }
        line.append(buffer, from, to - from);
    }

    /**
     * Receives the CSV records of the text but the blank ones (every field blank: an empty line), numbered from 1
     * (the header first), each with the line of the text it starts on, which reports name (a record whose quoted
     * field holds a line break spans more than one line).
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
        try (RecordBound reader = new RecordBound(reader());
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
                } catch (RecordBound.Exceeded e) {
                    throw new RecordTooLong(line);
                } catch (tools.jackson.core.JacksonException e) {
                    if (e.getCause() instanceof RecordBound.Exceeded) { // as the parser wraps it
                        throw new RecordTooLong(line);
                    }
                    // the column the parser stopped at, if on the record's first line: a quote left open runs on
                    // to the end of the file, whose column says nothing of the record
                    boolean onItsLine = e.getLocation() != null && e.getLocation().getLineNr() == line;
                    throw new CsvSyntaxException(line, onItsLine ? JsonMistakes.where(e) : JsonMistakes.why(e));
                }
                reader.recordEnded();
                if (length(record) > MAX_RECORD) { // within the reader's bound, past the limit all the same
                    throw new RecordTooLong(line);
                }
                if (record.stream().allMatch(field -> field == null || field.isBlank())) {
                    line += 1 + lineBreaks(record); // a blank line: skipped, before the header as after it
                    continue;
                }
                handler.record(++number, line, record);
                line += 1 + lineBreaks(record);
            }
        }
    }

    /** A record's characters: its fields' and the commas between them (not the quotes around a field). */
    private static long length(List<String> fields) {
        long length = Math.max(fields.size() - 1, 0);
        for (String field : fields) {
            length += field.length();
        }
        return length;
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

    /**
     * A line, or a CSV record, longer than {@link #MAX_RECORD} characters (a record's fields and commas, or, past
     * the reader's bound, its text as written, quotes included): no fact of any format is written on so
     * many (a body of the API, which a line of chancery-ndjson is, is at most 1 MB unless configured), and reading one
     * whole would take memory the server may not have (a 49 MB line of empty objects ran a 512 MB heap out).
     */
    public static final class RecordTooLong extends RuntimeException {

        private final int line;

        RecordTooLong(int line) {
            super("line " + line + " starts a record longer than " + MAX_RECORD + " characters (1 MB); no fact is "
                    + "written on so many: is it the file of the format?");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * A reader that refuses to hand out more than about {@link #MAX_RECORD} characters for one record: the parser
     * reads ahead by its buffer (at most {@link #CHUNK} characters a read), so past {@code MAX_RECORD + CHUNK} since
     * the last record ended, the record under way is longer than {@code MAX_RECORD}.
     */
    private static final class RecordBound extends FilterReader {

        private static final int CHUNK = 1 << 13;

        /** Thrown through the parser (which wraps it in its own exception). */
        private static final class Exceeded extends RuntimeException {
            Exceeded() {
                super(null, null, false, false);
            }
        }

        private long sinceRecord;

        RecordBound(Reader in) {
            super(in);
        }

        void recordEnded() {
            sinceRecord = 0;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (sinceRecord > MAX_RECORD + CHUNK) {
                throw new Exceeded();
            }
            int read = super.read(buffer, offset, Math.min(length, CHUNK));
            sinceRecord += Math.max(read, 0);
            return read;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) == -1 ? -1 : one[0];
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
