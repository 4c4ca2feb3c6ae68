package org.chancery.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chancery.deployment.Api.Answer;

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
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (Callable<Answer> request : requests) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Answer> results = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                results.add(answer.get(90, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
