package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** How answers leave Tomcat ({@link ResponseBuffer}): only a real port shows chunks and lengths. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ResponseBufferIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private WebServerApplicationContext context;

    @Test
    void aListPageLongerThanTomcatsBufferLeavesInOneWriteWithItsLength() throws Exception {
        HttpResponse<byte[]> page = get("/api/countries?size=100");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().length).as("longer than Tomcat's own 8 KB buffer").isBetween(8 * 1024, ResponseBuffer.SIZE);
        assertThat(page.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length);
    }

    @Test
    void aBufferedAnswerFitsTheSocketWriteBufferSoItIsWrittenToTheSocketOnce() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        assertThat(connector.getProperty(TomcatBuffers.SOCKET_WRITE_BUFFER)).isEqualTo(Integer.toString(ResponseBuffer.SIZE));
    }

    @Test
    void aCsvExportIsReadWholeBeforeItLeavesSoItLeavesWithItsLengthInOneWrite() throws Exception {
        HttpResponse<byte[]> export = get("/api/countries?format=csv");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body().length).as("longer than Tomcat's own 8 KB buffer").isGreaterThan(8 * 1024);
        assertThat(export.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(export.headers().firstValueAsLong("Content-Length")).hasValue(export.body().length);
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
