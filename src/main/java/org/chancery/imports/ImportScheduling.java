package org.chancery.imports;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link ImportWorker#recoverAbandoned} every few seconds. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportScheduling {
}
