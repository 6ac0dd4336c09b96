package io.wecomsync.common.mdm;

import io.wecomsync.common.api.Result;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.List;

/** Users: lookup, idempotent upsert from WeCom events, rename (WeCom {@code NewUserID}) and soft delete. Part of {@link MdmApi}. */
public interface UserApi {

    /**
     * Finds users of a corp by {@code wxUserId} or by {@code employeeNumber} (the custom attribute the corp maps
     * to the employee number, 工号). Mobile and email are refused here (400): URLs end up in
     * access logs; look them up with {@link #searchUsers}.
     */
    @GetMapping("/users")
    Result<List<UserResponse>> findUsers(@RequestParam("corpId") String corpId,
                                         @RequestParam(name = "wxUserId", required = false) String wxUserId,
                                         @RequestParam(name = "employeeNumber", required = false) String employeeNumber,
                                         @RequestParam(name = "mobile", required = false) String mobile,
                                         @RequestParam(name = "email", required = false) String email,
                                         @RequestParam(name = "includeDeleted", defaultValue = "false") boolean includeDeleted);

    /** Finds users of a corp by exactly one of WeCom userid, employee number, mobile or email, given in the body. */
    @PostMapping("/users/search")
    Result<List<UserResponse>> searchUsers(@Valid @RequestBody UserSearchRequest request);

    @GetMapping("/users/{userId}")
    Result<UserResponse> getUser(@PathVariable("userId") String userId);

    @PutMapping("/users/by-wx/{corpId}/{wxUserId}")
    Result<WriteResponse<UserResponse>> upsertUser(@PathVariable("corpId") String corpId,
                                                   @PathVariable("wxUserId") String wxUserId,
                                                   @Valid @RequestBody UserUpsertRequest request);

    /**
     * Several users' upserts in one call and one transaction; each item is answered on its own
     * ({@link UserBatchResult}): a refused or conflicting item is rolled back alone. Users must be distinct.
     */
    @PostMapping("/users/by-wx/{corpId}/batch")
    Result<List<UserBatchResult>> upsertUsers(@PathVariable("corpId") String corpId,
                                                        @Valid @RequestBody UserBatchUpsertRequest request);

    @PostMapping("/users/by-wx/{corpId}/{wxUserId}/rename")
    Result<WriteResponse<UserResponse>> renameUser(@PathVariable("corpId") String corpId,
                                                   @PathVariable("wxUserId") String wxUserId,
                                                   @Valid @RequestBody UserRenameRequest request);

    /**
     * Soft delete; deleting an already deleted user answers 200 with outcome {@code UNCHANGED}. A delete
     * for a user not seen yet leaves a deleted placeholder, so an older create arriving later is STALE.
     */
    @DeleteMapping("/users/by-wx/{corpId}/{wxUserId}")
    Result<WriteResponse<UserResponse>> deleteUser(@PathVariable("corpId") String corpId,
                                                   @PathVariable("wxUserId") String wxUserId,
                                                   @RequestParam("sourceEventTime") Instant sourceEventTime,
                                                   @RequestParam(name = "sourceEventId", required = false) String sourceEventId);

    /**
     * The corp's users (deleted ones too) in {@code wxUserId} order after {@code after}, as fingerprints:
     * what a reconciliation compares with WeCom. Up to {@code limit} (at most 5000) per page.
     */
    @GetMapping("/users/digest")
    Result<DigestPage<UserDigest>> userDigest(@RequestParam("corpId") String corpId,
                                              @RequestParam(name = "after", required = false) String after,
                                              @RequestParam(name = "limit", defaultValue = "1000") int limit);
}
