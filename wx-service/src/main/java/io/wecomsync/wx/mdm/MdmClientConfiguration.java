package io.wecomsync.wx.mdm;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = MdmClient.class)
class MdmClientConfiguration {
}
