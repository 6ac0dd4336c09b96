package io.wecomsync.common.mdm;

/**
 * The HTTP contract of mdm-service. mdm-service's controllers implement its parts, one per feature;
 * wx-service's Feign client extends the whole. Every answer is a {@link io.wecomsync.common.api.Result}
 * with a matching HTTP status.
 *
 * <p>Writes that come from WeCom events carry {@code sourceEventTime}: a write older than what a
 * row already reflects is not applied ({@link WriteResponse#applied()} {@code = false}, HTTP 200).
 */
public interface MdmApi extends UserApi, DepartmentApi, TagApi, CrmApi, LoginIpApi, ReconcileLogApi, NoticeLogApi,
        OperatorLogApi {
}
