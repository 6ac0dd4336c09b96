package io.wecomsync.wxjavademo;

import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import me.chanjar.weixin.cp.bean.message.WxCpXmlOutMessage;
import me.chanjar.weixin.cp.message.WxCpMessageRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The portal the WxJava demo exposes per app: POST receives an encrypted message, decrypts and parses it
 * ({@code WxCpXmlMessage.fromEncryptedXml}: a DOM, then an XStream bean), logs it, routes it and answers
 * the router's reply encrypted, or an empty body.
 */
@RestController
class PortalController {

    private static final Logger log = LoggerFactory.getLogger(PortalController.class);

    private final WxCpService service;
    private final WxCpMessageRouter router;

    PortalController(WxCpService service, WxCpMessageRouter router) {
        this.service = service;
        this.router = router;
    }

    @PostMapping(path = "/wx/cp/portal/{agentId}", produces = "application/xml; charset=UTF-8")
    String post(@PathVariable("agentId") int agentId, @RequestBody String requestBody,
                @RequestParam("msg_signature") String signature, @RequestParam("timestamp") String timestamp,
                @RequestParam("nonce") String nonce) {
        // as the demo does: every request logged at INFO, encrypted body included
        log.info("received a WeCom message for agent {}: signature={}, timestamp={}, nonce={}, body=[{}]", agentId,
                signature, timestamp, nonce, requestBody);
        WxCpXmlMessage message = WxCpXmlMessage.fromEncryptedXml(requestBody, service.getWxCpConfigStorage(),
                timestamp, nonce, signature);
        log.debug("message: {}", message);
        WxCpXmlOutMessage reply = router.route(message);
        return reply == null ? "" : reply.toEncryptedXml(service.getWxCpConfigStorage());
    }

    /** What the benchmark harness waits for before it starts (the demo itself has no actuator). */
    @GetMapping("/actuator/health")
    Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
