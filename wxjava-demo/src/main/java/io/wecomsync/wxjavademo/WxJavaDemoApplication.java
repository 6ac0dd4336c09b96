package io.wecomsync.wxjavademo;

import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.message.WxCpMessageRouter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A WeCom callback receiver set up the way the WxJava demo sets one up: one {@link WxCpService} per app
 * from configuration, a {@link WxCpMessageRouter} with a rule for contact changes, and a portal
 * controller. It stores nothing; the benchmarks use it as the reference for what receiving costs.
 */
@SpringBootApplication
public class WxJavaDemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(WxJavaDemoApplication.class, args);
    }

    @Bean
    WxCpService wxCpService(@Value("${demo.corp-id}") String corpId, @Value("${demo.agent-id}") int agentId,
                            @Value("${demo.token}") String token, @Value("${demo.aes-key}") String aesKey) {
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setCorpId(corpId);
        config.setAgentId(agentId);
        config.setToken(token);
        config.setAesKey(aesKey);
        WxCpServiceImpl service = new WxCpServiceImpl();
        service.setWxCpConfigStorage(config);
        return service;
    }

    @Bean
    WxCpMessageRouter router(WxCpService service) {
        WxCpMessageRouter router = new WxCpMessageRouter(service);
        // the demo's contact-change handler: it looks at the message and answers nothing
        router.rule().async(false).event("change_contact").handler((message, context, cp, sessions) -> null).end();
        return router;
    }
}
