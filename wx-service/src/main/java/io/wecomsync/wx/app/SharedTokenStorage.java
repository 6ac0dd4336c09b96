package io.wecomsync.wx.app;

import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.config.impl.WxCpRedissonConfigImpl;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An app's WeCom access token, shared by every instance through Redis — and kept in this process
 * while Redis cannot be reached, so an outage of Redis does not stop the calls that need a token.
 * WeCom hands out the same token to every caller while it is valid, so a token fetched during the
 * outage is the one the other instances hold too; it is written to Redis again once Redis answers.
 * After a failure Redis is left alone for {@code retryAfter}: each try costs Redisson's own retries.
 */
final class SharedTokenStorage extends WxCpRedissonConfigImpl {

    private static final Logger log = LoggerFactory.getLogger(SharedTokenStorage.class);

    private final WxCpDefaultConfigImpl local = new WxCpDefaultConfigImpl();
    private final Lock localLock = new ReentrantLock();
    private final Duration retryAfter;
    private final Clock clock;
    private volatile Instant redisDownUntil = Instant.MIN;

    SharedTokenStorage(RedissonClient redisson, String keyPrefix, Duration retryAfter, Clock clock) {
        super(redisson, keyPrefix);
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    @Override
    public String getAccessToken() {
        return fromRedisElseLocal(super::getAccessToken, local::getAccessToken);
    }

    @Override
    public boolean isAccessTokenExpired() {
        return fromRedisElseLocal(super::isAccessTokenExpired, local::isAccessTokenExpired);
    }

    @Override
    public void updateAccessToken(String accessToken, int expiresInSeconds) {
        local.updateAccessToken(accessToken, expiresInSeconds);
        alsoInRedis(() -> super.updateAccessToken(accessToken, expiresInSeconds));
    }

    @Override
    public void updateAccessToken(WxAccessToken token) {
        updateAccessToken(token.getAccessToken(), token.getExpiresIn());
    }

    @Override
    public void expireAccessToken() {
        local.expireAccessToken();
        alsoInRedis(super::expireAccessToken);
    }

    private <T> T fromRedisElseLocal(Supplier<T> redis, Supplier<T> inProcess) {
        if (redisUp()) {
            try {
                return redis.get();
            } catch (RedisException e) {
                redisFailed(e);
            }
        }
        return inProcess.get();
    }

    private void alsoInRedis(Runnable write) {
        if (redisUp()) {
            try {
                write.run();
            } catch (RedisException e) {
                redisFailed(e);
            }
        }
    }

    /**
     * This process's lock first, then Redis's when Redis answers: instances fetch the token one at a
     * time while Redis is there, and this instance's threads do in any case.
     */
    @Override
    public Lock getAccessTokenLock() {
        return new LocalThenShared(super.getAccessTokenLock());
    }

    private boolean redisUp() {
        return clock.instant().isAfter(redisDownUntil);
    }

    private void redisFailed(RedisException e) {
        if (redisUp()) {
            log.warn("Redis is unavailable ({}): the WeCom access token of agent {} is kept in this process for now",
                    e.getClass().getSimpleName(), getAgentId());
        }
        redisDownUntil = clock.instant().plus(retryAfter);
    }

    private final class LocalThenShared implements Lock {

        private final Lock shared;
        private boolean sharedHeld;

        LocalThenShared(Lock shared) {
            this.shared = shared;
        }

        @Override
        public void lock() {
            localLock.lock();
            thenShared(() -> {
                shared.lock();
                return true;
            });
        }

        @Override
        public void unlock() {
            try {
                if (sharedHeld) {
                    sharedHeld = false;
                    shared.unlock();
                }
            } catch (RedisException | IllegalMonitorStateException e) {
                // Redis went away while held: its lease on the lock runs out by itself
                log.debug("could not release the shared token lock: {}", e.getClass().getSimpleName());
            } finally {
                localLock.unlock();
            }
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            return localLock.tryLock(time, unit) && thenShared(() -> shared.tryLock(time, unit));
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            localLock.lockInterruptibly();
            thenShared(() -> {
                shared.lockInterruptibly();
                return true;
            });
        }

        @Override
        public boolean tryLock() {
            return localLock.tryLock() && thenShared(shared::tryLock);
        }

        /**
         * With this process's lock held, takes Redis's too when Redis answers; gives this process's back
         * when Redis's is not free. Redis failing counts as free: the token is then kept in process.
         */
        private <E extends Exception> boolean thenShared(SharedAttempt<E> attempt) throws E {
            if (redisUp()) {
                try {
                    sharedHeld = attempt.take();
                    if (!sharedHeld) {
                        localLock.unlock();
                        return false;
                    }
                } catch (RedisException e) {
                    redisFailed(e);
                } catch (Exception e) {
                    // interrupted while waiting for Redis's lock: neither is held
                    localLock.unlock();
                    throw e;
                }
            }
            return true;
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }
    }

    /** Taking Redis's lock one way or another. */
    @FunctionalInterface
    private interface SharedAttempt<E extends Exception> {
        boolean take() throws E;
    }
}
