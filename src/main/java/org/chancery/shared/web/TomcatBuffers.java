package org.chancery.shared.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Gives each connection a socket write buffer as large as the answer buffer of
 * {@link ResponseBuffer} (Tomcat's own is 8 KB), so that a buffered answer leaves in one socket
 * write: with 8 KB, a 13 KB page of a list took two {@code write} calls, the second ~9 µs of the
 * page's ~250 µs of CPU on the loopback (issue 17's profile). The buffer is allocated once per open connection and kept with it: 32 KB instead of 8
 * KB for each of the few connections a tool like this one has open.
 */
@Configuration(proxyBeanMethods = false)
class TomcatBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String SOCKET_WRITE_BUFFER = "socket.appWriteBufSize";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(
                connector -> connector.setProperty(SOCKET_WRITE_BUFFER, Integer.toString(ResponseBuffer.SIZE)));
    }
}
