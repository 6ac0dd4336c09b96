package io.wecomsync.wx.app;

import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The access-token lock: this process's first, then Redis's while Redis answers. */
class SharedTokenStorageTests {

    private final RedissonClient redisson = mock(RedissonClient.class);
    private final RLock redisLock = mock(RLock.class);

    private SharedTokenStorage storage() {
        when(redisson.getLock(anyString())).thenReturn(redisLock);
        SharedTokenStorage storage = new SharedTokenStorage(redisson, "test", Duration.ofSeconds(30), Clock.systemUTC());
        storage.setCorpId("ww1");
        storage.setAgentId(1);
        return storage;
    }

    @Test
    void whenRedissLockIsTakenElsewhereTryLockFailsAndLeavesThisProcesssLockFree() throws Exception {
        SharedTokenStorage storage = storage();
        when(redisLock.tryLock()).thenReturn(false);
        when(redisLock.tryLock(anyLong(), eq(TimeUnit.MILLISECONDS))).thenReturn(false);

        assertThat(storage.getAccessTokenLock().tryLock()).isFalse();
        assertThat(storage.getAccessTokenLock().tryLock(10, TimeUnit.MILLISECONDS)).isFalse();

        assertThat(anotherThreadCanTake(storage)).as("the local lock was given back").isTrue();
    }

    @Test
    void whileRedisIsDownThisProcesssLockAloneIsEnough() {
        SharedTokenStorage storage = storage();
        when(redisLock.tryLock()).thenThrow(new RedisConnectionException("down"));

        Lock lock = storage.getAccessTokenLock();
        assertThat(lock.tryLock()).isTrue();
        assertThat(anotherThreadCanTake(storage)).as("held by this thread").isFalse();
        lock.unlock();
        assertThat(anotherThreadCanTake(storage)).isTrue();
    }

    @Test
    void interruptedWhileWaitingForRedisHoldsNeither() throws Exception {
        SharedTokenStorage storage = storage();
        when(redisLock.tryLock(anyLong(), eq(TimeUnit.SECONDS))).thenThrow(new InterruptedException());

        Lock lock = storage.getAccessTokenLock();
        try {
            lock.tryLock(1, TimeUnit.SECONDS);
        } catch (InterruptedException expected) {
            // as the caller would see it
        }

        assertThat(anotherThreadCanTake(storage)).isTrue();
    }

    /** Whether another thread gets this process's lock at once (Redis's answering free). */
    private boolean anotherThreadCanTake(SharedTokenStorage storage) {
        doReturn(true).when(redisLock).tryLock();
        return CompletableFuture.supplyAsync(() -> {
            Lock lock = storage.getAccessTokenLock();
            boolean taken = lock.tryLock();
            if (taken) {
                lock.unlock();
            }
            return taken;
        }).join();
    }
}
