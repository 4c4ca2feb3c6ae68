package org.chancery.deployment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.chancery.deployment.Api.Answer;
import org.chancery.support.Parallel;

/** Requests sent at the same moment, each from its own thread; their answers in the order given. */
final class Race {

    private Race() {
    }

    /** Sends the requests in the background; the answers come when all are in. */
    static CompletableFuture<List<Answer>> start(List<Callable<Answer>> requests) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run(requests);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "race");
            thread.setDaemon(true);
            thread.start();
        });
    }

    static List<Answer> run(List<Callable<Answer>> requests) throws Exception {
        return Parallel.run(requests, Duration.ofSeconds(90));
    }
}
