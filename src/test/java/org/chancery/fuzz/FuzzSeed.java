package org.chancery.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Puts the seed of a failed run at the head of its failure message, with the command that replays
 * it; takes a seed ({@code -Dchancery.fuzz.seed=…}) and a number of tries
 * ({@code -Dchancery.fuzz.tries=…}) from the command line.
 */
public class FuzzSeed implements AroundPropertyHook {

    static final String SEED = "chancery.fuzz.seed";
    static final String TRIES = "chancery.fuzz.tries";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty(SEED);
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.strip());
        }
        String tries = System.getProperty(TRIES);
        if (tries != null && !tries.isBlank()) {
            context.attributes().setTries(Integer.valueOf(tries.strip()));
        }
        PropertyExecutionResult result = property.execute();
        if (result.status() != PropertyExecutionResult.Status.FAILED) {
            return result;
        }
        String used = result.seed().orElse("(unknown)");
        Throwable cause = result.throwable().orElse(null);
        return result.mapToFailed(new AssertionError("Fuzzing failed with seed " + used + "; replay it with "
                + "./mvnw test -Dtest=" + context.containerClass().getSimpleName() + " -D" + SEED + "=" + used
                + "\n" + (cause == null ? "" : cause.getMessage()), cause));
    }
}
