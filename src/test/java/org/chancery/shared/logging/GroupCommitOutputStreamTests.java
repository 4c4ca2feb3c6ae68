package org.chancery.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GroupCommitOutputStreamTests {

    /** A sink that takes its time over each write, as a busy disk or a slow reader of a pipe does. */
    private static final class SlowSink extends OutputStream {

        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();
        final long nanosPerWrite;

        SlowSink(long nanosPerWrite) {
            this.nanosPerWrite = nanosPerWrite;
        }

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException("bytes come in arrays");
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            writes.incrementAndGet();
            long until = System.nanoTime() + nanosPerWrite;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            received.write(bytes, offset, length);
        }

        synchronized String text() {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static GroupCommitOutputStream stream(OutputStream sink, int limit) {
        return new GroupCommitOutputStream(sink, limit, 1, TimeUnit.MILLISECONDS, "test-writer");
    }

    @Test
    void writesTheLinesOfManyThreadsWholeInTheOrderOfEachThreadInFewerSystemCalls() throws Exception {
        SlowSink sink = new SlowSink(TimeUnit.MICROSECONDS.toNanos(20));
        GroupCommitOutputStream out = stream(sink, 1 << 20);
        int threads = 8;
        int lines = 500;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                try {
                    start.await();
                    for (int n = 0; n < lines; n++) {
                        out.write(("thread " + thread + " line " + n + " " + "x".repeat(n % 97) + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (InterruptedException | IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            writers.add(writer);
        }
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(out.awaitDrained(10, TimeUnit.SECONDS)).isTrue();

        String[] received = sink.text().split("\n");
        assertThat(received).hasSize(threads * lines);
        Map<Integer, Integer> next = new HashMap<>();
        for (String line : received) {
            String[] words = line.split(" ");
            int thread = Integer.parseInt(words[1]);
            int n = Integer.parseInt(words[3]);
            assertThat(n).as("thread %s's lines in order", thread).isEqualTo(next.getOrDefault(thread, 0));
            assertThat(line).as("a line whole").isEqualTo("thread " + thread + " line " + n + " " + "x".repeat(n % 97));
            next.put(thread, n + 1);
        }
        assertThat(sink.writes.get()).as("lines gathered between the writer's system calls")
                .isLessThan(threads * lines / 4);
        assertThat(out.sinkWrites()).isEqualTo(sink.writes.get());
        out.close();
    }

    @Test
    void sendsALineWrittenAfterAQuietSpellAtOnce() throws Exception {
        SlowSink sink = new SlowSink(0);
        // a gather far longer than the test waits: a lone line held back to be gathered would not come in time, on
        // however slow a machine
        GroupCommitOutputStream out = new GroupCommitOutputStream(sink, 1 << 20, 10, TimeUnit.MINUTES, "test-writer");
        Thread.sleep(50);

        out.write("after a while\n".getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sink.text().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }

        assertThat(sink.text()).as("a lone line, not gathered").isEqualTo("after a while\n");
        out.close();
    }

    @Test
    void makesWritersWaitOnceTheLimitIsPendingRatherThanGrowWithoutBound() throws Exception {
        SlowSink sink = new SlowSink(TimeUnit.MILLISECONDS.toNanos(20));
        GroupCommitOutputStream out = stream(sink, 1000);
        byte[] line = "y".repeat(99).concat("\n").getBytes(StandardCharsets.US_ASCII);

        long started = System.nanoTime();
        for (int n = 0; n < 100; n++) {
            out.write(line);
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        out.close();

        // 10,000 bytes through a sink that takes 20 ms a write, at most 1,000 pending and 1,000 in the sink's
        // hands: the last line was written only after the sink had taken at least 8,000 bytes, in 1,000 at most
        assertThat(tookMillis).isGreaterThanOrEqualTo(7 * 20);
        assertThat(sink.text()).hasSize(10_000);
    }

    @Test
    void writesWhatIsPendingWhenClosedAndWhatComesAfterDirectly() throws Exception {
        SlowSink sink = new SlowSink(TimeUnit.MILLISECONDS.toNanos(5));
        GroupCommitOutputStream out = stream(sink, 1 << 20);
        for (int n = 0; n < 50; n++) {
            out.write(("before " + n + "\n").getBytes(StandardCharsets.UTF_8));
        }

        out.close();
        out.write("after\n".getBytes(StandardCharsets.UTF_8));

        StringBuilder expected = new StringBuilder();
        for (int n = 0; n < 50; n++) {
            expected.append("before ").append(n).append('\n');
        }
        assertThat(sink.text()).isEqualTo(expected.append("after\n").toString());
    }
}
