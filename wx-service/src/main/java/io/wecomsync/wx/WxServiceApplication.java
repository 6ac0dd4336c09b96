package io.wecomsync.wx;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Properties;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WxServiceApplication {

    /**
     * Netty's buffer allocator, read once when Netty first allocates. In wx-service only Redisson uses
     * Netty, for the WeCom tokens (a few commands a minute); its default pooled allocator keeps 4 MiB
     * chunks of native memory per arena for good — about 12 MiB here. Unpooled buffers are freed after
     * each command. An explicit {@code -Dio.netty.allocator.type=…} still wins.
     */
    static final String NETTY_ALLOCATOR = "io.netty.allocator.type";

    public static void main(String[] args) {
        unpooledNettyBuffersUnlessGiven(System.getProperties());
        SpringApplication.run(WxServiceApplication.class, args);
    }

    static void unpooledNettyBuffersUnlessGiven(Properties system) {
        system.putIfAbsent(NETTY_ALLOCATOR, "unpooled");
    }
}
