package org.chancery.deployment;

import java.util.List;

import org.junit.jupiter.api.Tag;

/**
 * Durability on the default configuration: the embedded H2 database in file mode
 * ({@code ./data/chancery} of the instance's working directory, here a fresh temporary one).
 */
@Tag("h2-only")
class H2DurabilityIntegrationTests extends DurabilityScenario {

    @Override
    protected String database() {
        return "h2";
    }

    @Override
    protected List<String> databaseArguments() {
        return List.of();
    }
}
