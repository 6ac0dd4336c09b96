package io.wecomsync.wx.mdm;

import io.wecomsync.wx.inbox.DependencyUnavailableException;

/** mdm-service could not be reached or answered 5xx/408/429 or a concurrent-modification 409: worth retrying. */
public class MdmUnavailableException extends DependencyUnavailableException {

    public MdmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
