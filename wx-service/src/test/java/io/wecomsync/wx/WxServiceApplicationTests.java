package io.wecomsync.wx;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Netty serves only Redisson in wx-service: its buffers are unpooled unless the operator says otherwise. */
class WxServiceApplicationTests {

    @Test
    void nettyBuffersAreUnpooledByDefault() {
        Properties system = new Properties();
        WxServiceApplication.unpooledNettyBuffersUnlessGiven(system);
        assertThat(system.getProperty("io.netty.allocator.type")).isEqualTo("unpooled");
    }

    @Test
    void anAllocatorGivenOnTheCommandLineWins() {
        Properties system = new Properties();
        system.setProperty("io.netty.allocator.type", "pooled");
        WxServiceApplication.unpooledNettyBuffersUnlessGiven(system);
        assertThat(system.getProperty("io.netty.allocator.type")).isEqualTo("pooled");
    }
}
