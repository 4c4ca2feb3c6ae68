package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpInputMessage;

/** The body's bytes checked as they are read, however the reads are cut. */
class WellFormedUtf8BodiesTests {

    private static final byte[] TEXT = "{\"name\": \"Ch\u00E2teau \u20AC \uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8);

    private static InputStream checked(byte[] body, MediaType type) throws IOException {
        MockHttpInputMessage message = new MockHttpInputMessage(body);
        message.getHeaders().setContentType(type);
        return new WellFormedUtf8Bodies().beforeBodyRead(message, null, String.class, null).getBody();
    }

    /** Reads a byte at a time, then {@code chunk} bytes at a time, alternately, and skips one byte in the middle. */
    private static byte[] readMixed(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        boolean single = true;
        while (true) {
            if (single) {
                int b = in.read();
                if (b < 0) {
                    return out.toByteArray();
                }
                out.write(b);
            } else {
                int n = in.read(buffer, 0, chunk);
                if (n < 0) {
                    return out.toByteArray();
                }
                out.write(buffer, 0, n);
            }
            single = !single;
        }
    }

    @Test
    void wellFormedTextGoesThroughWhateverTheSizesOfTheReads() throws IOException {
        for (int chunk = 1; chunk <= 5; chunk++) {
            assertThat(readMixed(checked(TEXT, MediaType.APPLICATION_JSON), chunk)).as("chunks of %s", chunk)
                    .isEqualTo(TEXT);
        }
        InputStream skipping = checked(TEXT, MediaType.APPLICATION_JSON);
        assertThat(skipping.skip(14)).as("into the â, checked as it is skipped").isEqualTo(14);
        assertThat(skipping.readAllBytes()).hasSize(TEXT.length - 14);
    }

    @Test
    void aMalformedSequenceIsRefusedAtItsFirstByteHoweverTheReadsCutIt() throws IOException {
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"', '}'};
        for (int chunk = 1; chunk <= 4; chunk++) {
            InputStream in = checked(overlong, MediaType.APPLICATION_JSON);
            int size = chunk;
            assertThatThrownBy(() -> readMixed(in, size)).isInstanceOf(WellFormedUtf8Bodies.MalformedUtf8Exception.class)
                    .hasMessageContaining("a malformed byte sequence at byte 7");
        }
        InputStream cut = checked(new byte[] {'"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98}, MediaType.APPLICATION_JSON);
        assertThatThrownBy(cut::readAllBytes).hasMessageContaining("it ends inside a character begun at byte 2");
    }

    @Test
    void readsAgainNothingItChecked() throws IOException {
        InputStream in = checked(TEXT, MediaType.APPLICATION_JSON);
        assertThat(in.markSupported()).isFalse();
        in.mark(100);
        in.read();
        assertThatThrownBy(in::reset).isInstanceOf(IOException.class);
    }

    @Test
    void aBodyInACharsetTheConverterDecodesItselfIsLeftToIt() throws IOException {
        byte[] latin1 = {'"', (byte) 0xC0, (byte) 0xAF, '"'};
        assertThat(checked(latin1, MediaType.parseMediaType("application/json;charset=ISO-8859-1")).readAllBytes())
                .isEqualTo(latin1);
        assertThatThrownBy(() -> checked(latin1, MediaType.parseMediaType("application/json;charset=UTF-16"))
                .readAllBytes()).isInstanceOf(WellFormedUtf8Bodies.MalformedUtf8Exception.class);
    }
}
