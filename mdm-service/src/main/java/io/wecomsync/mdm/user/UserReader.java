package io.wecomsync.mdm.user;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.mdm.UserResponse;
import io.wecomsync.mdm.pii.PiiCipher;
import io.wecomsync.common.api.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.stream.Stream;

/** Finds users by id, WeCom userid, or (through the keyed lookup hash) mobile or email. */
@Service
public class UserReader {

    private static final int MAX_MATCHES = 100;

    private final UserMapper users;
    private final UserViews views;
    private final PiiCipher pii;

    UserReader(UserMapper users, UserViews views, PiiCipher pii) {
        this.users = users;
        this.views = views;
        this.pii = pii;
    }

    @Transactional(readOnly = true)
    public UserResponse get(String userId) {
        UserEntity row = users.selectById(userId);
        if (row == null) {
            throw new ApiException(ErrorCode.USER_NOT_FOUND, "no user with userId " + userId);
        }
        return views.view(row);
    }

    @Transactional(readOnly = true)
    public List<UserResponse> find(String corpId, String wxUserId, String mobile, String email, boolean includeDeleted) {
        long criteria = Stream.of(wxUserId, mobile, email).filter(value -> value != null && !value.isBlank()).count();
        if (criteria != 1) {
            throw ApiException.invalid("give exactly one of wxUserId, mobile or email (got " + criteria + ")");
        }
        LambdaQueryWrapper<UserEntity> where = new LambdaQueryWrapper<UserEntity>()
                .eq(UserEntity::getCorpId, corpId)
                .eq(!includeDeleted, UserEntity::getDeleted, false)
                .orderByAsc(UserEntity::getCreatedAt)
                .last("LIMIT " + MAX_MATCHES);
        if (wxUserId != null && !wxUserId.isBlank()) {
            where.eq(UserEntity::getWxUserId, wxUserId);
        } else if (mobile != null && !mobile.isBlank()) {
            where.eq(UserEntity::getMobileHash, pii.mobileHash(mobile));
        } else {
            where.eq(UserEntity::getEmailHash, pii.emailHash(email));
        }
        return users.selectList(where).stream().map(views::view).toList();
    }
}
