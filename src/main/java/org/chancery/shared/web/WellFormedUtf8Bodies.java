package org.chancery.shared.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A request body in UTF-8 (declared so, or without a charset: JSON's own, RFC 8259) is read only while its bytes are
 * well-formed UTF-8 (RFC 3629, table 3-7 of Unicode). Jackson's reader refuses a byte that starts no character, but
 * takes an overlong form as the character it spells ({@code C0 AF} as {@code /}, {@code C1 9A} as {@code Z}) and four
 * bytes beyond U+10FFFF as a pair of surrogates: {@code "A\xC0\xAFB"} was stored as {@code "A/B"}. Such a body is 400
 * {@code MALFORMED_REQUEST} naming the byte ({@link MalformedUtf8Exception}), as a query or a path that is not UTF-8
 * is; nothing is written. A body declared US-ASCII, UTF-16 or UTF-32 is checked too: the JSON converter hands its bytes
 * to Jackson, which reads them as UTF-8 unless they begin as UTF-16 or UTF-32 do, whatever the label (JSON between
 * systems is UTF-8, RFC 8259, 8.1); a NUL byte, which UTF-16 and UTF-32 text of ASCII letters has and JSON text never
 * does, is refused, so that such a body is refused whatever its letters (one of ASCII letters alone was taken). A body
 * in a charset the converter decodes itself (ISO-8859-1, windows-1252) is read in that charset.
 */
@ControllerAdvice
class WellFormedUtf8Bodies extends RequestBodyAdviceAdapter {

    /** The charsets whose bodies Jackson reads from their bytes (Spring's AbstractJacksonHttpMessageConverter). */
    private static final Set<String> READ_AS_BYTES = Set.of("UTF-8", "US-ASCII", "UTF-16", "UTF-16BE", "UTF-16LE",
            "UTF-32", "UTF-32BE", "UTF-32LE");

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType type = input.getHeaders().getContentType();
        if (!readAsBytes(type == null ? null : type.getCharset())) {
            return input;
        }
        InputStream body = checked(input.getBody());
        return new HttpInputMessage() {

            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** Whether a body of this charset (null: none declared) is read by Jackson from its bytes, and so checked. */
    static boolean readAsBytes(Charset charset) {
        return charset == null || READ_AS_BYTES.contains(charset.name());
    }

    /**
     * The body as it comes, refused with {@link MalformedUtf8Exception} at its first byte that is not well-formed
     * UTF-8; also for a body an endpoint ignores ({@link ContentNegotiation}), which is read as one it reads.
     */
    static InputStream checked(InputStream body) {
        return new Checked(body);
    }

    /** A body's bytes that are not well-formed UTF-8: where the first malformed sequence begins (from 1). */
    static final class MalformedUtf8Exception extends IOException {

        MalformedUtf8Exception(long at, boolean ended) {
            super("The request body is not UTF-8 text: " + (ended ? "it ends inside a character begun at byte " + at
                    : "a malformed byte sequence at byte " + at) + "; send it in UTF-8.");
        }

        /** A NUL byte, which JSON text never holds (a NUL in a string is written {@code \u0000}). */
        MalformedUtf8Exception(long at) {
            super("The request body is not UTF-8 JSON: a NUL byte at byte " + at + " (as UTF-16 or UTF-32 text has "
                    + "them); send it in UTF-8.");
        }
    }

    /** The body as it comes, checked byte by byte as it is read, whatever the sizes of the reads. */
    private static final class Checked extends FilterInputStream {

        /** Bytes read before the current one. */
        private long offset;
        /** Where the character being read began (0 when none is). */
        private long begun;
        /** Continuation bytes the current character still needs. */
        private int needed;
        /** The range the next continuation byte must be in (80–BF but after E0, ED, F0 and F4). */
        private int low = 0x80;
        private int high = 0xBF;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                ended();
            } else {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            int n = super.read(buffer, from, length);
            if (n < 0) {
                ended();
            }
            for (int i = 0; i < n; i++) {
                check(buffer[from + i] & 0xFF);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && read() >= 0) {
                skipped++;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** Bytes read again would be checked twice: no mark, as {@link #markSupported} says. */
        @Override
        public void mark(int limit) {
        }

        @Override
        public void reset() throws IOException {
            throw new IOException("mark/reset not supported");
        }

        private void ended() throws MalformedUtf8Exception {
            if (needed > 0) {
                throw new MalformedUtf8Exception(begun, true);
            }
        }

        private void check(int b) throws MalformedUtf8Exception {
            offset++;
            if (needed > 0) {
                if (b < low || b > high) {
                    throw new MalformedUtf8Exception(begun, false);
                }
                needed--;
                low = 0x80;
                high = 0xBF;
                return;
            }
            begun = offset;
            if (b == 0) {
                // Jackson would take the body for UTF-16 or UTF-32 by its NULs and read it so, while its first
                // letter beyond ASCII would be refused here: such a body is refused whatever its letters
                throw new MalformedUtf8Exception(offset);
            }
            if (b < 0x80) {
                return;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                needed = 2;
                low = b == 0xE0 ? 0xA0 : 0x80; // E0 80–9F would spell a character of two bytes: overlong
                high = b == 0xED ? 0x9F : 0xBF; // ED A0–BF would spell a surrogate
            } else if (b >= 0xF0 && b <= 0xF4) {
                needed = 3;
                low = b == 0xF0 ? 0x90 : 0x80; // F0 80–8F: overlong
                high = b == 0xF4 ? 0x8F : 0xBF; // F4 90–BF: beyond U+10FFFF
            } else {
                // a continuation byte without its start, C0 and C1 (always overlong), F5–FF (beyond U+10FFFF)
                throw new MalformedUtf8Exception(begun, false);
            }
        }
    }
}
