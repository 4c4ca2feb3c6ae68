package org.chancery.shared.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An output stream whose writes go out through one writer thread in few system calls. A write
 * copies its bytes into a buffer and returns. An idle writer is woken by the first write and sends
 * it at once; then, while writes keep coming, it sends what has gathered every {@code gather}
 * (a millisecond, say): under load, one system call for many lines instead of one each, and no
 * thread woken per line. A line reaches the sink at most {@code gather} after it was written.
 *
 * <ul>
 * <li>Each {@code write} call reaches the sink whole and in the order of the calls (a log line is one
 * call, so lines never interleave).</li>
 * <li>A sink that cannot keep up (a pipe nobody reads) makes writers wait once {@code limit} bytes
 * are pending, as a blocking write would.</li>
 * <li>{@link #close} writes what is pending and stops the thread; later writes go to the sink
 * directly. What a killed process had pending is lost: the lines of its last {@code gather}.</li>
 * <li>{@code flush} does not wait for the sink: the writer is on its way.</li>
 * </ul>
 */
public final class GroupCommitOutputStream extends OutputStream {

    private static final int INITIAL_CAPACITY = 8192;

    private final OutputStream sink;
    private final int limit;
    private final long gatherNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition pendingBytes = lock.newCondition();
    private final Condition room = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private final Thread writer;

    private byte[] pending = new byte[INITIAL_CAPACITY];
    private byte[] spare = new byte[INITIAL_CAPACITY];
    private int size;
    private boolean idle;
    private boolean writing;
    private boolean closed;
    private long writes;

    /**
     * @param sink   where the bytes go (the process's standard output, say)
     * @param limit  the most bytes pending before writers wait
     * @param gather how long the writer lets writes gather between two system calls while they come
     * @param name   the writer thread's name
     */
    public GroupCommitOutputStream(OutputStream sink, int limit, long gather, TimeUnit unit, String name) {
        this.sink = sink;
        this.limit = limit;
        this.gatherNanos = unit.toNanos(gather);
        this.writer = new Thread(this::writeWhatGathers, name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        lock.lock();
        try {
            while (!closed && size > 0 && size + length > limit) {
                room.awaitUninterruptibly();
            }
            if (closed) {
                // after what the writer had: the sink directly, in order
                while (writing || size > 0) {
                    drained.awaitUninterruptibly();
                }
                sink.write(bytes, offset, length);
                sink.flush();
                return;
            }
            if (size + length > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(size + length, pending.length * 2));
            }
            System.arraycopy(bytes, offset, pending, size, length);
            size += length;
            if (idle) {
                pendingBytes.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The sink's system calls so far (writes of gathered bytes). */
    long sinkWrites() {
        lock.lock();
        try {
            return writes;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every byte written so far has reached the sink, at most {@code timeout}. */
    public boolean awaitDrained(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (size > 0 || writing) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = drained.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Writes what is pending, stops the writer; later writes go to the sink directly. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            pendingBytes.signal();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sink.flush();
    }

    private void writeWhatGathers() {
        while (true) {
            byte[] batch;
            int length;
            lock.lock();
            try {
                writing = false;
                drained.signalAll();
                if (size == 0) {
                    if (closed) {
                        return;
                    }
                    idle = true;
                    while (size == 0 && !closed) {
                        pendingBytes.awaitUninterruptibly();
                    }
                    idle = false;
                    if (size == 0) {
                        return;
                    }
                }
                batch = pending;
                length = size;
                pending = spare;
                spare = batch;
                size = 0;
                writing = true;
                writes++;
                room.signalAll();
            } finally {
                lock.unlock();
            }
            try {
                sink.write(batch, 0, length);
                sink.flush();
            } catch (IOException | RuntimeException e) {
                // the sink is gone (a closed pipe): there is nobody to tell, and writers must not block on it
            }
            if (!closed) {
                LockSupport.parkNanos(this, gatherNanos);
            }
        }
    }
}
