package io.wecomsync.wx.app;

import java.util.Set;

/** What WeCom's error codes mean for whoever called. */
public final class WeComErrors {

    /** -1 system busy, 45009 frequency limit, 45011 API minute limit, 45033 concurrency limit. */
    private static final Set<Integer> BUSY = Set.of(-1, 45009, 45011, 45033);

    private WeComErrors() {
    }

    /**
     * Whether trying again later may succeed. Every other code (no permission 60011, new server IP
     * 48009, caller IP not trusted 60020, not found 60111 …) needs a person or will never change.
     */
    public static boolean isBusy(int code) {
        return BUSY.contains(code);
    }
}
