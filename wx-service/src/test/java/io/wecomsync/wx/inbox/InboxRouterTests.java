package io.wecomsync.wx.inbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failures become outcomes in one place: waiting for a dependency, DEAD for refusals, retry for the rest. */
class InboxRouterTests {

    @Test
    void whatAHandlerThrowsBecomesAnOutcome() {
        assertThat(route(e -> { throw new DependencyUnavailableException("mdm-service answered 503", null); }))
                .isEqualTo(new HandlerOutcome.Wait("mdm-service answered 503"));
        assertThat(route(e -> { throw new EventRefusedException("mdm-service answered 400"); }))
                .isEqualTo(new HandlerOutcome.Dead("mdm-service answered 400"));
        assertThat(route(e -> { throw new IllegalArgumentException("Id is not a number"); }))
                .isEqualTo(new HandlerOutcome.Dead("malformed update_party: Id is not a number"));
        assertThat(route(e -> { throw new IllegalStateException("bug"); }))
                .isEqualTo(new HandlerOutcome.Retry("IllegalStateException: bug"));
    }

    @Test
    void anEventTypeNoFeatureOwnsIsIgnored() {
        InboxRouter router = new InboxRouter(List.of(handler("change_contact", e -> HandlerOutcome.done())));

        assertThat(router.handle(event("open_approval_change"))).isInstanceOf(HandlerOutcome.Ignored.class);
    }

    @Test
    void twoFeaturesClaimingOneEventTypeIsAStartUpError() {
        assertThatThrownBy(() -> new InboxRouter(List.of(handler("change_contact", e -> HandlerOutcome.done()),
                handler("change_contact", e -> HandlerOutcome.done()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("change_contact");
    }

    private static HandlerOutcome route(Function<InboxEvent, HandlerOutcome> body) {
        return new InboxRouter(List.of(handler("change_contact", body))).handle(event("change_contact"));
    }

    private static InboxEventHandler handler(String type, Function<InboxEvent, HandlerOutcome> body) {
        return new InboxEventHandler() {
            @Override
            public Set<String> eventTypes() {
                return Set.of(type);
            }

            @Override
            public HandlerOutcome handle(InboxEvent event) {
                return body.apply(event);
            }
        };
    }

    private static InboxEvent event(String type) {
        return new InboxEvent(1, "corp", 1, InboundEvent.EventSource.CALLBACK, type, "update_party", "dept:corp:1",
                Instant.now(), "<xml/>", 1, 0, Instant.now(), 1, null);
    }
}
