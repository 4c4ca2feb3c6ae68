package org.chancery.shared.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers {@code Expect: 100-continue} when the application first reads the body
 * ({@code continueResponseTiming=onRead}), not as soon as it has read the headers: a request refused before its body
 * is read (401 without credentials, 403, 413 of a declared length, the 415 of an import or of an endpoint that reads
 * no body) gets that answer without the client sending the body first, up to the 50 MB of an import file. (An
 * endpoint that reads a JSON body reads its first byte before it looks at the type.)
 */
@Configuration(proxyBeanMethods = false)
class TomcatContinue implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}
