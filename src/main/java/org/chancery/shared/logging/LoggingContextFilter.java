package org.chancery.shared.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * A turbo filter that, as a bean, adds itself to the logging context once it is set up: one of its class, whichever
 * application context made it (the first context of a test run's several, too).
 */
abstract class LoggingContextFilter extends TurboFilter implements SmartInitializingSingleton {

    private final String filterName;

    LoggingContextFilter(String filterName) {
        this.filterName = filterName;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext logback
                && logback.getTurboFilterList().stream().noneMatch(getClass()::isInstance)) {
            setName(filterName);
            start();
            logback.addTurboFilter(this);
        }
    }
}
