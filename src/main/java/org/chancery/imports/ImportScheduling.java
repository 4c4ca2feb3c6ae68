package org.chancery.imports;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs {@link ImportWorker#recoverAbandoned} every few seconds and {@link Imports#keepSpool} every hour; the
 * scheduling it enables runs the H2 housekeeping too ({@code org.chancery.shared.H2Housekeeping}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportScheduling {
}
