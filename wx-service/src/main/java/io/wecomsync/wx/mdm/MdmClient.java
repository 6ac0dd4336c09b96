package io.wecomsync.wx.mdm;

import io.wecomsync.common.mdm.MdmApi;
import org.springframework.cloud.openfeign.FeignClient;

/**
 * mdm-service's API over HTTP; use it through {@link MdmCalls}, which adds retry and the circuit breaker.
 * With {@code wx.mdm.url} empty (nacos profile) the name is resolved through discovery.
 */
@FeignClient(name = "mdm-service", url = "${wx.mdm.url:}")
interface MdmClient extends MdmApi {
}
