package io.wecomsync.wx.inbox;

/** The event's data was refused for good (e.g. mdm-service answered 4xx): the router makes it DEAD at once. */
public class EventRefusedException extends RuntimeException {

    public EventRefusedException(String message) {
        super(message);
    }
}
