package io.wecomsync.common.mdm;

import io.wecomsync.common.api.Result;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Where wx-service reports what operators did through its admin API, so the operation log names them. Part of {@link MdmApi}. */
public interface OperatorLogApi {

    @PostMapping("/oper-logs/operator-actions")
    Result<Void> recordOperatorAction(@Valid @RequestBody OperatorActionReport report);
}
