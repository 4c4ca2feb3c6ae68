package org.chancery.deployment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.chancery.ChanceryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * One instance of the application started in this JVM as in production: its own Spring context,
 * connection pool and embedded Tomcat on a random loopback port, and the data source the test run
 * gives (the system properties of {@link org.chancery.support.PostgresTestDatabase}). Test
 * configurations are left out of its component scan, so it runs on the system clock.
 */
final class ApplicationInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Api api;

    private ApplicationInstance(String name, ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new Api(name, context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    static ApplicationInstance start(String name, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off", "--spring.application.name=chancery-" + name));
        arguments.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ChanceryApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton(MainClassesOnly.class.getName(),
                        new MainClassesOnly()))
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new));
        return new ApplicationInstance(name, context);
    }

    Api api() {
        return api;
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Leaves the classes compiled from src/test out of the application's component scan. */
    static final class MainClassesOnly extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
