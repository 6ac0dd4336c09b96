package io.wecomsync.mdm.tx;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a read-modify-write in its own transaction and runs it again, from a fresh read, when another
 * writer got there first: an optimistic-lock version mismatch, a lost race to insert the same unique
 * key, or a deadlock (the database rolled this one back: two writes of one new user racing each other
 * and the same source event's record). After {@value #MAX_ATTEMPTS} attempts the conflict is passed on
 * (HTTP 409).
 */
@Component
public class RetryingTransactions {

    static final int MAX_ATTEMPTS = 16;

    private final TransactionTemplate transactions;
    private final TransactionTemplate readCommitted;

    RetryingTransactions(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.readCommitted = new TransactionTemplate(transactionManager);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    public <T> T execute(Supplier<T> work) {
        return execute(transactions, work);
    }

    /**
     * The same at READ COMMITTED: for work that locks the rows it reads ({@code FOR UPDATE}), so that
     * looking up rows that do not exist takes no gap locks and writers of different rows never wait
     * for each other.
     */
    public <T> T executeReadCommitted(Supplier<T> work) {
        return execute(readCommitted, work);
    }

    private static <T> T execute(TransactionTemplate transactions, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (OptimisticLockingFailureException | DuplicateKeyException | PessimisticLockingFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new ConcurrencyFailureException("gave up after " + attempt + " conflicting attempts", e);
                }
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            // random and growing, so writers that collided do not collide again in step
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrencyFailureException("interrupted while retrying a conflicting write");
        }
    }

    /** Thrown by a writer whose versioned update matched no row: someone else updated it first. */
    public static OptimisticLockingFailureException versionConflict(String what) {
        return new OptimisticLockingFailureException(what + " was changed concurrently");
    }
}
