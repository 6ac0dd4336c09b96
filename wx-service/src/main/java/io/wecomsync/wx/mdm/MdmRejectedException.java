package io.wecomsync.wx.mdm;

import io.wecomsync.wx.inbox.EventRefusedException;

/** mdm-service refused the request (4xx): retrying the same request cannot help. */
public class MdmRejectedException extends EventRefusedException {

    private final int status;

    public MdmRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
