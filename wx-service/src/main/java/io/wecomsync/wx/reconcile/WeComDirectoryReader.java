package io.wecomsync.wx.reconcile;

import io.wecomsync.wx.app.WeComRead;
import io.wecomsync.wx.app.WxApp;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.WxCpDepart;
import me.chanjar.weixin.cp.bean.WxCpTag;
import me.chanjar.weixin.cp.bean.WxCpTagGetResult;
import me.chanjar.weixin.cp.bean.WxCpUser;
import me.chanjar.weixin.cp.bean.user.WxCpDeptUserResult;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads a corp's whole directory through its reader app: {@code department/simplelist} then
 * {@code department/get} per department; users with {@code user/list} per department where WeCom
 * permits it, else {@code user/list_id} page by page then {@code user/get} per user;
 * {@code tag/list} then {@code tag/get} per tag. Detail reads run {@code concurrency} at a time under
 * the run's {@link WeComCalls} gates.
 */
@Component
class WeComDirectoryReader {

    private static final int LIST_ID_PAGE = 10_000;

    WeComSnapshot read(WxApp reader, ReconcileProperties settings, RunProgress progress) {
        WeComCalls calls = new WeComCalls(settings, progress);
        WxCpService api = reader.api();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), threads(reader.corpId()));
        try {
            progress.phase(RunPhase.READING_DEPARTMENTS);
            WeComRead<List<WxCpDepart>> departmentList = calls.read("department/simplelist",
                    () -> api.getDepartmentService().simpleList(null));
            Map<Long, WeComSnapshot.Department> departments = new LinkedHashMap<>();
            if (departmentList.found()) {
                List<WxCpDepart> listed = departmentList.value() == null ? List.of() : departmentList.value();
                for (WeComSnapshot.Department department : all(pool, listed, depart -> {
                    WeComRead<String> name = calls.<WxCpDepart>read("department/get", () -> api.getDepartmentService().get(depart.getId()))
                            .map(WxCpDepart::getName);
                    count(name, progress);
                    progress.departmentRead();
                    return new WeComSnapshot.Department(depart.getId(), depart.getParentId(), depart.getOrder(), name);
                })) {
                    departments.put(department.id(), department);
                }
            } else {
                progress.failedRead();
            }

            progress.phase(RunPhase.READING_USERS);
            Map<String, WeComSnapshot.User> users = new LinkedHashMap<>();
            boolean usersListed;
            Optional<Boolean> byDepartment = settings.userListByDepartment() && departmentList.found()
                    ? usersByDepartment(api, calls, pool, departments.keySet(), users, progress) : Optional.empty();
            if (byDepartment.isPresent()) {
                usersListed = byDepartment.get();
            } else {
                users.clear();
                usersListed = usersOneByOne(api, calls, pool, users, progress);
            }

            progress.phase(RunPhase.READING_TAGS);
            WeComRead<List<WxCpTag>> tagList = calls.read("tag/list", () -> api.getTagService().listAll());
            List<WeComSnapshot.Tag> tags = List.of();
            if (tagList.found()) {
                List<WxCpTag> listed = tagList.value() == null ? List.of() : tagList.value();
                tags = all(pool, listed, tag -> {
                    WeComRead<WxCpTagGetResult> members = calls.read("tag/get", () -> api.getTagService().get(tag.getId()));
                    count(members, progress);
                    progress.tagRead();
                    return new WeComSnapshot.Tag(Long.parseLong(tag.getId()), tag.getName(), members);
                });
            } else {
                progress.failedRead();
            }
            return new WeComSnapshot(departmentList.found(), departments, usersListed, users, tagList.found(), tags);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code user/list} per department: one call per department instead of one per user. Answers
     * whether every department was read, or empty when WeCom does not let this app use the API (any
     * refusal other than "busy" — since 2022 most apps may not), so the caller reads user by user.
     */
    private static Optional<Boolean> usersByDepartment(WxCpService api, WeComCalls calls, ExecutorService pool,
                                                       Collection<Long> departmentIds, Map<String, WeComSnapshot.User> users,
                                                       RunProgress progress) {
        if (departmentIds.isEmpty()) {
            return Optional.empty();
        }
        Function<Long, WeComRead<List<WxCpUser>>> list =
                id -> calls.read("user/list", () -> api.getUserService().listByDepartment(id, false, 0));
        List<Long> ids = new ArrayList<>(departmentIds);
        WeComRead<List<WxCpUser>> probe = list.apply(ids.get(0));
        if (!probe.found() && !probe.failed()) {
            return Optional.empty();
        }
        List<WeComRead<List<WxCpUser>>> lists = new ArrayList<>(List.of(probe));
        lists.addAll(all(pool, ids.subList(1, ids.size()), list));
        if (lists.stream().anyMatch(read -> !read.found() && !read.failed())) {
            return Optional.empty();
        }
        boolean complete = true;
        for (WeComRead<List<WxCpUser>> read : lists) {
            if (read.failed()) {
                progress.failedRead();
                complete = false;
                continue;
            }
            for (WxCpUser user : read.value() == null ? List.<WxCpUser>of() : read.value()) {
                if (users.putIfAbsent(user.getUserId(), new WeComSnapshot.User(user.getUserId(), departments(user),
                        WeComRead.found(user))) == null) {
                    progress.userRead();
                }
            }
        }
        return Optional.of(complete);
    }

    /** {@code user/list_id} for the ids, then {@code user/get} for each; answers whether the list was read in full. */
    private static boolean usersOneByOne(WxCpService api, WeComCalls calls, ExecutorService pool,
                                         Map<String, WeComSnapshot.User> users, RunProgress progress) {
        Map<String, List<Long>> listedUsers = new LinkedHashMap<>();
        boolean listed = listUsers(api, calls, listedUsers);
        if (!listed) {
            progress.failedRead();
        }
        for (WeComSnapshot.User user : all(pool, new ArrayList<>(listedUsers.entrySet()), entry -> {
            WeComRead<WxCpUser> details = calls.read("user/get", () -> api.getUserService().getById(entry.getKey()));
            count(details, progress);
            progress.userRead();
            return new WeComSnapshot.User(entry.getKey(), entry.getValue(), details);
        })) {
            users.put(user.userId(), user);
        }
        return listed;
    }

    private static List<Long> departments(WxCpUser user) {
        return user.getDepartIds() == null ? List.of() : List.of(user.getDepartIds());
    }

    /** Pages through {@code user/list_id}; a user in several departments appears once per department. */
    private static boolean listUsers(WxCpService api, WeComCalls calls, Map<String, List<Long>> users) {
        String cursor = "";
        do {
            String at = cursor;
            WeComRead<WxCpDeptUserResult> page = calls.read("user/list_id", () -> api.getUserService().getUserListId(at, LIST_ID_PAGE));
            if (!page.found()) {
                return false;
            }
            if (page.value().getDeptUser() != null) {
                for (WxCpDeptUserResult.DeptUserList entry : page.value().getDeptUser()) {
                    List<Long> departments = users.computeIfAbsent(entry.getUserId(), id -> new ArrayList<>());
                    if (entry.getDepartment() != null && !departments.contains(entry.getDepartment())) {
                        departments.add(entry.getDepartment());
                    }
                }
            }
            cursor = page.value().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return true;
    }

    private static void count(WeComRead<?> read, RunProgress progress) {
        if (read.failed()) {
            progress.failedRead();
        } else if (!read.found()) {
            progress.unreadable();
        }
    }

    /** Applies {@code read} to every item on the pool and answers the results in the items' order. */
    private static <I, R> List<R> all(ExecutorService pool, List<I> items, Function<I, R> read) {
        List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
        for (I item : items) {
            futures.add(CompletableFuture.supplyAsync(() -> read.apply(item), pool));
        }
        List<R> results = new ArrayList<>(items.size());
        for (CompletableFuture<R> future : futures) {
            results.add(future.join());
        }
        return results;
    }

    private static ThreadFactory threads(String corpId) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "reconcile-read-" + corpId + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
