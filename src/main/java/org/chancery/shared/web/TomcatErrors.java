package org.chancery.shared.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Puts {@link ProblemReportValve} in place of Tomcat's error report valve on the host, so that what
 * Tomcat refuses itself is answered as problem details too. Runs after Spring Boot's own
 * customization (which adds a plain {@link ErrorReportValve}).
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectProvider<RequestLog> requests;
    private final ObjectProvider<CorsConfigurationSource> cors;

    TomcatErrors(ObjectProvider<RequestLog> requests,
            @Qualifier("corsConfigurationSource") ObjectProvider<CorsConfigurationSource> cors) {
        this.requests = requests;
        this.cors = cors;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve(requests::getIfAvailable, cors::getIfAvailable));
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
