package io.wecomsync.wx.inbox;

import io.wecomsync.wx.inbox.Inbox.StoreResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Group commit for stored events: concurrent {@link #store} calls are handed to a few writer threads,
 * each of which takes what has queued up (at most {@code maxBatch}, waiting at most {@code maxWait} for
 * more) and writes it with one multi-row INSERT — one statement, one commit for all of them. Under a
 * steady trickle a batch is one row and nothing waits; under load the batches grow by themselves while
 * the previous one commits.
 * <p>
 * A caller returns only once its row is committed, and gets the exception otherwise: the statement is
 * atomic, so a batch is stored whole or not at all. When the database refuses the batch for one of its
 * rows (a redelivery already stored, a value it cannot take) the batch is written again row by row, so
 * each caller learns about its own row only.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** Writes rows in one statement; throws when the statement was refused (nothing of it is stored). */
    interface Writer {

        void insertAll(List<InboxEventEntity> rows);

        /** Inserts one row; false when an event with its dedupe key is already stored. */
        boolean insertOne(InboxEventEntity row);
    }

    /** Batch limits, read before every batch (so they are live-tunable). */
    record Limits(int maxBatch, Duration maxWait) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Writer writer;
    private final Supplier<Limits> limits;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    GroupCommit(Writer writer, Supplier<Limits> limits, int writers) {
        this.writer = writer;
        this.limits = limits;
        for (int i = 1; i <= writers; i++) {
            Thread thread = new Thread(this::run, "inbox-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stores the row; returns after it is committed, or throws what kept it from being stored. */
    StoreResult store(InboxEventEntity row) {
        if (closed) {
            throw shuttingDown();
        }
        Pending pending = new Pending(row, new CompletableFuture<>());
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            // the writers may have stopped already: nobody would take it
            throw shuttingDown();
        }
        try {
            return pending.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the row may still be committed; the sender retries and the retry is recognized as a duplicate
            throw new TransientDataAccessResourceException("interrupted while the event was being stored", e);
        }
    }

    /** Not stored, try again (answered 503, as a database that cannot be reached is). */
    private static TransientDataAccessResourceException shuttingDown() {
        return new TransientDataAccessResourceException("the inbox is shutting down; the event was not stored");
    }

    private void run() {
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    write(collect(first));
                }
            } catch (InterruptedException e) {
                // nobody interrupts the writers; go on until closed and drained
            } catch (RuntimeException | Error e) {
                log.error("inbox writer failed outside a batch", e);
            }
        }
    }

    private List<Pending> collect(Pending first) throws InterruptedException {
        Limits current = limits.get();
        List<Pending> batch = new ArrayList<>(Math.min(current.maxBatch(), 64));
        batch.add(first);
        queue.drainTo(batch, current.maxBatch() - batch.size());
        long deadline = System.nanoTime() + current.maxWait().toNanos();
        while (batch.size() < current.maxBatch()) {
            long left = deadline - System.nanoTime();
            Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, current.maxBatch() - batch.size());
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        // the same message twice in one batch (a redelivery racing its original): stored once
        Map<String, Pending> byKey = new HashMap<>();
        List<Pending> rows = new ArrayList<>(batch.size());
        List<Pending[]> repeats = new ArrayList<>();
        for (Pending pending : batch) {
            Pending original = byKey.putIfAbsent(pending.row().getDedupeKey(), pending);
            if (original == null) {
                rows.add(pending);
            } else {
                repeats.add(new Pending[]{original, pending});
            }
        }
        try {
            writer.insertAll(rows.stream().map(Pending::row).toList());
            rows.forEach(pending -> pending.result().complete(StoreResult.STORED));
        } catch (DataIntegrityViolationException refused) {
            rows.forEach(this::writeAlone);
        } catch (RuntimeException | Error e) {
            rows.forEach(pending -> pending.result().completeExceptionally(e));
        }
        for (Pending[] repeat : repeats) {
            repeat[0].result().whenComplete((result, failure) -> {
                if (failure != null) {
                    repeat[1].result().completeExceptionally(failure);
                } else {
                    repeat[1].result().complete(StoreResult.DUPLICATE);
                }
            });
        }
    }

    private void writeAlone(Pending pending) {
        try {
            pending.result().complete(writer.insertOne(pending.row()) ? StoreResult.STORED : StoreResult.DUPLICATE);
        } catch (DuplicateKeyException e) {
            pending.result().complete(StoreResult.DUPLICATE);
        } catch (RuntimeException | Error e) {
            pending.result().completeExceptionally(e);
        }
    }

    /** Writes what is queued, then stops the writers. */
    @Override
    public void close() {
        closed = true;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Pending(InboxEventEntity row, CompletableFuture<StoreResult> result) {
    }
}
