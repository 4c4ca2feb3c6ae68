package org.chancery.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which writes come from another site, for a browser that does not say (plain HTTP, behind a proxy or not). */
class CrossSiteWritesTests {

    private final CrossSiteWrites none = new CrossSiteWrites(List.of(), (request, response, origin) -> { });

    private static MockHttpServletRequest write(String origin) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/diplomats");
        request.addHeader("Origin", origin);
        return request;
    }

    @Test
    void aPageOfThePublicHostBehindAProxyWritesWhicheverWayTheProxyNamesIt() {
        MockHttpServletRequest forwarded = write("http://chancery.example:8000");
        forwarded.addHeader("Host", "127.0.0.1:8080");
        forwarded.addHeader("X-Forwarded-Host", "chancery.example:8000, 10.0.0.2");
        assertThat(none.fromAnotherSite(forwarded)).isFalse();

        // server.forward-headers-strategy=framework: Spring gives the public name and port (and hides the forwarded
        // headers; the mock's own Host would name the server too)
        MockHttpServletRequest read = write("http://chancery.example:8000");
        read.setServerName("chancery.example");
        read.setServerPort(8000);
        assertThat(none.fromAnotherSite(read)).isFalse();

        MockHttpServletRequest defaultPort = write("http://chancery.example");
        defaultPort.addHeader("Host", "chancery.example:80");
        assertThat(none.fromAnotherSite(defaultPort)).isFalse();

        MockHttpServletRequest plain = write("https://chancery.example");
        plain.setScheme("https");
        plain.setServerName("chancery.example");
        plain.setServerPort(443);
        assertThat(none.fromAnotherSite(plain)).isFalse();
    }

    @Test
    void aPageOfAnotherHostOrPortOrOfNoOriginIsAnotherSite() {
        MockHttpServletRequest other = write("http://evil.example");
        other.addHeader("Host", "chancery.example");
        assertThat(none.fromAnotherSite(other)).isTrue();

        MockHttpServletRequest port = write("http://chancery.example:9999");
        port.addHeader("Host", "chancery.example");
        port.setServerName("chancery.example");
        assertThat(none.fromAnotherSite(port)).isTrue();

        assertThat(none.fromAnotherSite(write("null"))).isTrue();
    }

    @Test
    void everyOriginWritesWhenEveryOneIsAllowed() {
        CrossSiteWrites any = new CrossSiteWrites(List.of("*"), (request, response, origin) -> { });
        MockHttpServletRequest request = write("https://newsroom.example");
        request.addHeader("Sec-Fetch-Site", "cross-site");

        assertThat(any.fromAnotherSite(request)).isFalse();
    }
}
