package org.chancery.deployment;

import java.util.List;

/** An import interrupted by a kill, on the embedded H2 database in file mode. */
class H2ImportDurabilityIntegrationTests extends ImportDurabilityScenario {

    @Override
    protected String database() {
        return "h2";
    }

    @Override
    protected List<String> databaseArguments() {
        return List.of();
    }
}
