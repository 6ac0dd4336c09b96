package io.wecomsync.mdm.user;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.mdm.DigestPage;
import io.wecomsync.common.mdm.DirectoryFingerprints;
import io.wecomsync.common.mdm.UserDigest;
import io.wecomsync.common.mdm.UserResponse;
import io.wecomsync.mdm.pii.PiiCipher;
import io.wecomsync.common.api.ApiException;
import io.wecomsync.mdm.outbox.OutboxUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds users by id, WeCom userid, employee number, or (through the keyed lookup hash) mobile or email. */
@Service
public class UserReader implements OutboxUsers {

    private static final int MAX_MATCHES = 100;

    private final UserMapper users;
    private final UserDepartmentMapper memberships;
    private final UserViews views;
    private final PiiCipher pii;

    UserReader(UserMapper users, UserDepartmentMapper memberships, UserViews views, PiiCipher pii) {
        this.users = users;
        this.memberships = memberships;
        this.views = views;
        this.pii = pii;
    }

    /** A page of the corp's users as fingerprints, in wxUserId order, deleted ones included. */
    @Transactional(readOnly = true)
    public DigestPage<UserDigest> digest(String corpId, String after, int limit) {
        List<UserEntity> rows = users.selectList(new LambdaQueryWrapper<UserEntity>()
                .select(UserEntity::getUserId, UserEntity::getWxUserId, UserEntity::getName, UserEntity::getPosition,
                        UserEntity::getAlias, UserEntity::getStatus, UserEntity::getMainDepartment,
                        UserEntity::getDirectLeader, UserEntity::getExtAttrs, UserEntity::getEmployeeNo,
                        UserEntity::getMappedFields, UserEntity::getLastEventTime, UserEntity::getDeleted)
                .eq(UserEntity::getCorpId, corpId)
                .gt(after != null, UserEntity::getWxUserId, after)
                .orderByAsc(UserEntity::getWxUserId)
                .last("LIMIT " + limit));
        Map<String, List<UserDepartmentEntity>> byUser = rows.isEmpty() ? Map.of()
                : memberships.findByUserIds(rows.stream().map(UserEntity::getUserId).toList()).stream()
                .collect(Collectors.groupingBy(UserDepartmentEntity::getUserId));
        List<UserDigest> items = rows.stream().map(row -> new UserDigest(row.getWxUserId(), row.getUserId(),
                DirectoryFingerprints.user(row.getName(), row.getPosition(), row.getAlias(), row.getStatus(),
                        Memberships.fromRows(byUser.getOrDefault(row.getUserId(), List.of())), row.getMainDepartment(),
                        UserViews.leaders(row.getDirectLeader()),
                        CustomAttributeColumns.attributes(row.getExtAttrs()).values(), row.getEmployeeNo(),
                        CustomAttributeColumns.fields(row.getMappedFields())),
                row.getLastEventTime(), Boolean.TRUE.equals(row.getDeleted()))).toList();
        return new DigestPage<>(items, rows.size() == limit ? rows.get(rows.size() - 1).getWxUserId() : null);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, UserResponse> findAll(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        List<UserEntity> rows = users.selectByIds(userIds);
        Map<String, List<UserDepartmentEntity>> byUser = memberships.findByUserIds(List.copyOf(userIds)).stream()
                .collect(Collectors.groupingBy(UserDepartmentEntity::getUserId));
        return rows.stream().collect(Collectors.toMap(UserEntity::getUserId, row ->
                views.view(row, Memberships.fromRows(byUser.getOrDefault(row.getUserId(), List.of())))));
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
    public List<UserResponse> find(String corpId, String wxUserId, String employeeNumber, String mobile, String email,
                                   boolean includeDeleted) {
        long criteria = Stream.of(wxUserId, employeeNumber, mobile, email).filter(value -> value != null && !value.isBlank()).count();
        if (criteria != 1) {
            throw ApiException.invalid("give exactly one of wxUserId, employeeNumber, mobile or email (got " + criteria + ")");
        }
        LambdaQueryWrapper<UserEntity> where = new LambdaQueryWrapper<UserEntity>()
                .eq(UserEntity::getCorpId, corpId)
                .eq(!includeDeleted, UserEntity::getDeleted, false)
                .orderByAsc(UserEntity::getCreatedAt)
                .last("LIMIT " + MAX_MATCHES);
        if (wxUserId != null && !wxUserId.isBlank()) {
            where.eq(UserEntity::getWxUserId, wxUserId);
        } else if (employeeNumber != null && !employeeNumber.isBlank()) {
            where.eq(UserEntity::getEmployeeNo, employeeNumber.strip());
        } else if (mobile != null && !mobile.isBlank()) {
            where.eq(UserEntity::getMobileHash, pii.mobileHash(mobile));
        } else {
            where.eq(UserEntity::getEmailHash, pii.emailHash(email));
        }
        return users.selectList(where).stream().map(views::view).toList();
    }
}
