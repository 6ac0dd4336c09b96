package io.wecomsync.wx.inbox;

import io.wecomsync.wx.inbox.Inbox.StoreResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit, with a writer that stands in for the database: callers are answered only after their
 * statement returned, many callers share one statement, and a refused statement reaches only the
 * callers whose rows it concerns.
 */
class GroupCommitTests {

    private final FakeDatabase database = new FakeDatabase();
    private final ExecutorService callers = Executors.newFixedThreadPool(40);
    private GroupCommit groupCommit;

    @AfterEach
    void stop() {
        database.open.countDown();
        callers.shutdownNow();
        if (groupCommit != null) {
            groupCommit.close();
        }
    }

    @Test
    void callersArrivingTogetherShareOneStatementAndEachReturnsOnlyAfterItsRowIsWritten() throws Exception {
        groupCommit = new GroupCommit(database, () -> new GroupCommit.Limits(64, Duration.ZERO), 1);
        database.holdStatements();
        CompletableFuture<StoreResult> first = store("first");
        database.awaitStatementStarted();
        List<CompletableFuture<StoreResult>> queued = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            queued.add(store("row-" + i));
        }
        TimeUnit.MILLISECONDS.sleep(200);

        assertThat(first).isNotDone();
        assertThat(queued).noneMatch(CompletableFuture::isDone);

        database.open.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(StoreResult.STORED);
        for (CompletableFuture<StoreResult> answer : queued) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(StoreResult.STORED);
        }
        assertThat(database.rows).hasSize(31);
        // the first statement held the writer while the other thirty queued up behind it
        assertThat(database.statements).containsExactly(1, 30);
    }

    @Test
    void aBatchStopsAtItsMaximumSize() throws Exception {
        groupCommit = new GroupCommit(database, () -> new GroupCommit.Limits(8, Duration.ZERO), 1);
        database.holdStatements();
        CompletableFuture<StoreResult> first = store("first");
        database.awaitStatementStarted();
        List<CompletableFuture<StoreResult>> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(store("row-" + i));
        }
        awaitQueued(20);
        database.open.countDown();

        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<StoreResult> answer : queued) {
            answer.get(5, TimeUnit.SECONDS);
        }
        assertThat(database.statements).containsExactly(1, 8, 8, 4);
    }

    @Test
    void aWriterWaitsUpToMaxWaitForMoreRows() throws Exception {
        groupCommit = new GroupCommit(database, () -> new GroupCommit.Limits(64, Duration.ofMillis(300)), 1);

        CompletableFuture<StoreResult> first = store("first");
        TimeUnit.MILLISECONDS.sleep(100);
        CompletableFuture<StoreResult> second = store("second");

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(StoreResult.STORED);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(StoreResult.STORED);
        assertThat(database.statements).containsExactly(2);
    }

    @Test
    void aStatementRefusedForARedeliveryIsWrittenRowByRowAndOnlyTheRedeliveryIsADuplicate() throws Exception {
        database.rows.add("stored-before");
        groupCommit = new GroupCommit(database, () -> new GroupCommit.Limits(64, Duration.ofMillis(200)), 1);

        List<CompletableFuture<StoreResult>> answers = List.of(store("a"), store("stored-before"), store("b"));

        assertThat(answers.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(StoreResult.STORED);
        assertThat(answers.get(1).get(5, TimeUnit.SECONDS)).isEqualTo(StoreResult.DUPLICATE);
        assertThat(answers.get(2).get(5, TimeUnit.SECONDS)).isEqualTo(StoreResult.STORED);
        assertThat(database.rows).containsExactlyInAnyOrder("stored-before", "a", "b");
    }

    @Test
    void aRowTheDatabaseCannotTakeFailsAloneAndTheOthersAreStored() throws Exception {
        database.refuse("too-long");
        groupCommit = new GroupCommit(database, () -> new GroupCommit.Limits(64, Duration.ofMillis(200)), 1);

        CompletableFuture<StoreResult> good = store("good");
        CompletableFuture<StoreResult> bad = store("too-long");

        assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo(StoreResult.STORED);
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(database.rows).containsExactly("good");
    }

    @Test
    void theSameMessageTwiceInOneBatchIsStoredOnce() throws Exception {
        groupCommit = new GroupCommit(database, () -> new GroupCommit.Limits(64, Duration.ofMillis(200)), 1);

        CompletableFuture<StoreResult> original = store("same");
        CompletableFuture<StoreResult> repeat = store("same");

        assertThat(List.of(original.get(5, TimeUnit.SECONDS), repeat.get(5, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder(StoreResult.STORED, StoreResult.DUPLICATE);
        assertThat(database.rows).containsExactly("same");
        assertThat(database.statements).containsExactly(1);
    }

    @Test
    void whenTheDatabaseIsUnreachableEveryCallerOfTheBatchGetsTheFailureAtOnce() throws Exception {
        database.down = true;
        groupCommit = new GroupCommit(database, () -> new GroupCommit.Limits(64, Duration.ofMillis(200)), 1);

        CompletableFuture<StoreResult> one = store("one");
        CompletableFuture<StoreResult> two = store("two");

        assertThatThrownBy(() -> one.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> two.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(DataAccessResourceFailureException.class);
        // not tried again row by row: each try would wait for a connection time-out in turn
        assertThat(database.singleRowInserts).isZero();
    }

    @Test
    void closingWritesWhatIsQueuedAndThenRefusesNewRows() throws Exception {
        groupCommit = new GroupCommit(database, () -> new GroupCommit.Limits(64, Duration.ZERO), 1);
        database.holdStatements();
        CompletableFuture<StoreResult> first = store("first");
        database.awaitStatementStarted();
        CompletableFuture<StoreResult> queued = store("queued");
        awaitQueued(1);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(groupCommit::close);
        TimeUnit.MILLISECONDS.sleep(100);
        database.open.countDown();
        closing.get(5, TimeUnit.SECONDS);

        assertThat(first.get()).isEqualTo(StoreResult.STORED);
        assertThat(queued.get()).isEqualTo(StoreResult.STORED);
        assertThatThrownBy(() -> groupCommit.store(row("late"))).isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(database.rows).containsExactly("first", "queued");
    }

    private CompletableFuture<StoreResult> store(String dedupeKey) {
        CompletableFuture<StoreResult> answer = new CompletableFuture<>();
        callers.execute(() -> {
            try {
                answer.complete(groupCommit.store(row(dedupeKey)));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private void awaitQueued(int callers) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (((java.util.concurrent.ThreadPoolExecutor) this.callers).getActiveCount() < callers + 1) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("callers did not arrive");
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        TimeUnit.MILLISECONDS.sleep(100);
    }

    private static InboxEventEntity row(String dedupeKey) {
        InboxEventEntity row = new InboxEventEntity();
        row.setDedupeKey(dedupeKey);
        return row;
    }

    /** Rows by dedupe key; a statement is all or nothing, as the database's is. */
    private static final class FakeDatabase implements GroupCommit.Writer {

        final List<String> rows = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> statements = Collections.synchronizedList(new ArrayList<>());
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        final CountDownLatch started = new CountDownLatch(1);
        volatile CountDownLatch open = new CountDownLatch(0);
        volatile boolean down;
        volatile int singleRowInserts;

        void holdStatements() {
            open = new CountDownLatch(1);
        }

        void awaitStatementStarted() throws InterruptedException {
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        }

        void refuse(String dedupeKey) {
            refused.add(dedupeKey);
        }

        @Override
        public void insertAll(List<InboxEventEntity> batch) {
            started.countDown();
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (down) {
                throw new DataAccessResourceFailureException("connection refused");
            }
            for (InboxEventEntity row : batch) {
                if (rows.contains(row.getDedupeKey())) {
                    throw new DuplicateKeyException("Duplicate entry '" + row.getDedupeKey() + "'");
                }
                if (refused.contains(row.getDedupeKey())) {
                    throw new DataIntegrityViolationException("Data too long");
                }
            }
            batch.forEach(row -> rows.add(row.getDedupeKey()));
            statements.add(batch.size());
        }

        @Override
        public boolean insertOne(InboxEventEntity row) {
            singleRowInserts++;
            if (refused.contains(row.getDedupeKey())) {
                throw new DataIntegrityViolationException("Data too long");
            }
            if (rows.contains(row.getDedupeKey())) {
                return false;
            }
            rows.add(row.getDedupeKey());
            return true;
        }
    }
}
