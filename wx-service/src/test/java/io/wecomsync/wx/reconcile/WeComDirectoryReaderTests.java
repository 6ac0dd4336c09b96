package io.wecomsync.wx.reconcile;

import io.wecomsync.wx.app.WeComRead;
import io.wecomsync.wx.app.WxApp;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.WxCpUserService;
import me.chanjar.weixin.cp.bean.WxCpUser;
import me.chanjar.weixin.cp.bean.user.WxCpDeptUserResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * How users are read: window by window, each user handed on once however many departments list them,
 * and when WeCom refuses {@code user/list} part-way, only the users not handed on yet are read one by one.
 */
class WeComDirectoryReaderTests {

    private static final int DEPARTMENTS = WeComDirectoryReader.WINDOW + 44;
    private static final long REFUSED = DEPARTMENTS - 20; // in the third window
    private static final ReconcileProperties SETTINGS = new ReconcileProperties("0 30 2 * * ?", true, true, 4, 0, 0,
            Duration.ofMillis(1), new ReconcileProperties.DeletionGuard(3, 10, 1000), Duration.ofMinutes(10), 20, 500);

    /** Users u0…u{2n-1}, each a member of two departments. */
    private final Map<Long, List<String>> members = new LinkedHashMap<>();
    private final Map<String, Integer> detailReads = new HashMap<>();
    private final List<WeComDirectory.User> handed = Collections.synchronizedList(new ArrayList<>());
    /** How many users had been handed on when the last department's list was read. */
    private final AtomicInteger handedBeforeLastList = new AtomicInteger(-1);

    @Test
    void aRefusalPartWayReadsOnlyTheUsersNotHandedOnYetOneByOne() throws Exception {
        WxCpUserService users = directory(7, true);
        Set<String> inFirstTwoWindows = new HashSet<>();
        members.forEach((department, ids) -> {
            if (department <= 1 + WeComDirectoryReader.WINDOW) {
                inFirstTwoWindows.addAll(ids);
            }
        });

        boolean complete;
        try (WeComDirectoryReader.Reading reading = new WeComDirectoryReader().open(app(users), SETTINGS, progress())) {
            complete = reading.users(departments(), handed::add);
        }

        assertThat(complete).isTrue();
        assertThat(handed).extracting(WeComDirectory.User::userId).doesNotHaveDuplicates().hasSize(2 * DEPARTMENTS);
        assertThat(handed).filteredOn(user -> !detailReads.containsKey(user.userId()))
                .as("the first two windows came with their details from user/list")
                .extracting(WeComDirectory.User::userId).containsExactlyInAnyOrderElementsOf(inFirstTwoWindows);
        assertThat(detailReads).as("the rest, one by one").hasSize(2 * DEPARTMENTS - inFirstTwoWindows.size())
                .allSatisfy((id, reads) -> assertThat(reads).as(id + " read once").isEqualTo(1));
        assertThat(handed).filteredOn(user -> detailReads.containsKey(user.userId()))
                .allSatisfy(user -> assertThat(user.departments()).as("from user/list_id").hasSize(2));
    }

    @Test
    void usersListedByTwoDepartmentsInDifferentWindowsAreHandedOnOnceAndWhileTheReadingGoesOn() throws Exception {
        WxCpUserService users = directory(DEPARTMENTS / 2, false);

        try (WeComDirectoryReader.Reading reading = new WeComDirectoryReader().open(app(users), SETTINGS, progress())) {
            assertThat(reading.users(departments(), handed::add)).isTrue();
        }

        assertThat(handed).extracting(WeComDirectory.User::userId).doesNotHaveDuplicates().hasSize(2 * DEPARTMENTS);
        assertThat(detailReads).as("user/list gave every user's details").isEmpty();
        assertThat(handedBeforeLastList.get()).as("the first windows' users were handed on before the last was read")
                .isGreaterThan(DEPARTMENTS);
    }

    /** Departments 1…n, user i a member of departments {@code 1 + i % n} and {@code 1 + (i + apart) % n}. */
    private WxCpUserService directory(int apart, boolean refuseOne) throws WxErrorException {
        for (long id = 1; id <= DEPARTMENTS; id++) {
            members.put(id, new ArrayList<>());
        }
        for (int i = 0; i < 2 * DEPARTMENTS; i++) {
            members.get(1 + (long) i % DEPARTMENTS).add("u" + i);
            members.get(1 + (long) (i + apart) % DEPARTMENTS).add("u" + i);
        }
        WxCpUserService users = mock(WxCpUserService.class);
        when(users.listByDepartment(anyLong(), eq(false), eq(0))).thenAnswer(call -> {
            long department = call.getArgument(0);
            if (department == DEPARTMENTS) {
                handedBeforeLastList.set(handed.size());
            }
            if (refuseOne && department == REFUSED) {
                throw new WxErrorException(WxError.builder().errorCode(60011).errorMsg("no privilege to access/modify contact/party/agent").build());
            }
            return members.get(department).stream().map(this::user).toList();
        });
        when(users.getUserListId(anyString(), anyInt())).thenAnswer(call -> {
            WxCpDeptUserResult page = new WxCpDeptUserResult();
            List<WxCpDeptUserResult.DeptUserList> entries = new ArrayList<>();
            members.forEach((department, ids) -> ids.forEach(id -> {
                WxCpDeptUserResult.DeptUserList entry = new WxCpDeptUserResult.DeptUserList();
                entry.setUserId(id);
                entry.setDepartment(department);
                entries.add(entry);
            }));
            page.setDeptUser(entries);
            page.setNextCursor("");
            return page;
        });
        when(users.getById(anyString())).thenAnswer(call -> {
            String id = call.getArgument(0);
            synchronized (detailReads) {
                detailReads.merge(id, 1, Integer::sum);
            }
            return user(id);
        });
        return users;
    }

    private WxCpUser user(String id) {
        WxCpUser user = new WxCpUser();
        user.setUserId(id);
        user.setName("员工" + id);
        List<Long> in = new ArrayList<>();
        members.forEach((department, ids) -> {
            if (ids.contains(id)) {
                in.add(department);
            }
        });
        user.setDepartIds(in.toArray(Long[]::new));
        return user;
    }

    private WeComDirectory.Departments departments() {
        Map<Long, WeComDirectory.Department> byId = new LinkedHashMap<>();
        members.keySet().forEach(id -> byId.put(id, new WeComDirectory.Department(id, id == 1 ? 0L : 1L, id, WeComRead.found("部门" + id))));
        return new WeComDirectory.Departments(true, byId);
    }

    private static WxApp app(WxCpUserService users) {
        WxCpService api = mock(WxCpService.class);
        when(api.getUserService()).thenReturn(users);
        WxApp app = mock(WxApp.class);
        when(app.api()).thenReturn(api);
        when(app.corpId()).thenReturn("corp");
        return app;
    }

    private static RunProgress progress() {
        return new RunProgress(1, progress -> { });
    }
}
