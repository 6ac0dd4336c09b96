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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a corp's whole directory through its reader app: {@code department/simplelist} then
 * {@code department/get} per department; users with {@code user/list} per department where WeCom
 * permits it, else {@code user/list_id} page by page then {@code user/get} per user;
 * {@code tag/list} then {@code tag/get} per tag. Detail reads run {@code concurrency} at a time under
 * the run's {@link WeComCalls} gates. Users are read {@value #WINDOW} reads at a time and handed on,
 * so a run holds one window of users' details, not the whole directory.
 */
@Component
class WeComDirectoryReader {

    /** Reads whose answers are held at once while users are read. */
    static final int WINDOW = 256;
    private static final int LIST_ID_PAGE = 10_000;

    /** One run's reading: its call gates and reading threads, until closed. */
    Reading open(WxApp reader, ReconcileProperties settings, RunProgress progress) {
        return new Reading(reader, settings, progress);
    }

    static final class Reading implements AutoCloseable {

        private final WxCpService api;
        private final WeComCalls calls;
        private final ExecutorService pool;
        private final RunProgress progress;
        private final boolean userListByDepartment;

        private Reading(WxApp reader, ReconcileProperties settings, RunProgress progress) {
            this.api = reader.api();
            this.calls = new WeComCalls(settings, progress);
            this.pool = Executors.newFixedThreadPool(settings.concurrency(), threads(reader.corpId()));
            this.progress = progress;
            this.userListByDepartment = settings.userListByDepartment();
        }

        WeComDirectory.Departments departments() {
            progress.phase(RunPhase.READING_DEPARTMENTS);
            WeComRead<List<WxCpDepart>> list = calls.read("department/simplelist", () -> api.getDepartmentService().simpleList(null));
            Map<Long, WeComDirectory.Department> departments = new LinkedHashMap<>();
            if (!list.found()) {
                progress.failedRead();
                return new WeComDirectory.Departments(false, departments);
            }
            List<WxCpDepart> listed = list.value() == null ? List.of() : list.value();
            for (WeComDirectory.Department department : all(listed, depart -> {
                WeComRead<String> name = calls.<WxCpDepart>read("department/get", () -> api.getDepartmentService().get(depart.getId()))
                        .map(WxCpDepart::getName);
                count(name);
                progress.departmentRead();
                return new WeComDirectory.Department(depart.getId(), depart.getParentId(), depart.getOrder(), name);
            })) {
                departments.put(department.id(), department);
            }
            return new WeComDirectory.Departments(true, departments);
        }

        /**
         * Hands every user WeCom lists to {@code each}, once (a user in several departments too), and
         * answers whether the list was read in full. By department when {@code departments} were listed and
         * WeCom lets this app use {@code user/list}; else, or once WeCom refuses it for a department, user by
         * user for those not handed on yet.
         */
        boolean users(WeComDirectory.Departments departments, Consumer<WeComDirectory.User> each) {
            progress.phase(RunPhase.READING_USERS);
            Set<String> handed = new HashSet<>();
            Consumer<WeComDirectory.User> once = user -> {
                if (handed.add(user.userId())) {
                    progress.userRead();
                    each.accept(user);
                }
            };
            if (userListByDepartment && departments.listed() && !departments.byId().isEmpty()) {
                Optional<Boolean> complete = usersByDepartment(new ArrayList<>(departments.byId().keySet()), once);
                if (complete.isPresent()) {
                    return complete.get();
                }
            }
            return usersOneByOne(handed, once);
        }

        WeComDirectory.Tags tags() {
            progress.phase(RunPhase.READING_TAGS);
            WeComRead<List<WxCpTag>> list = calls.read("tag/list", () -> api.getTagService().listAll());
            if (!list.found()) {
                progress.failedRead();
                return new WeComDirectory.Tags(false, List.of());
            }
            List<WxCpTag> listed = list.value() == null ? List.of() : list.value();
            return new WeComDirectory.Tags(true, all(listed, tag -> {
                WeComRead<WxCpTagGetResult> members = calls.read("tag/get", () -> api.getTagService().get(tag.getId()));
                count(members);
                progress.tagRead();
                return new WeComDirectory.Tag(Long.parseLong(tag.getId()), tag.getName(), members);
            }));
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }

        /**
         * {@code user/list} per department: one call per department instead of one per user; the first
         * department alone, as a probe. Answers whether every department was read, or empty when WeCom
         * does not let this app use the API (any refusal other than "busy" — since 2022 most apps may not).
         * A department whose read failed before such a refusal still counts as a failed read: the run then
         * deletes nothing, though the users are read one by one after it.
         */
        private Optional<Boolean> usersByDepartment(List<Long> ids, Consumer<WeComDirectory.User> each) {
            Function<Long, WeComRead<List<WxCpUser>>> list =
                    id -> calls.read("user/list", () -> api.getUserService().listByDepartment(id, false, 0));
            boolean complete = true;
            int size = 1;
            for (int from = 0; from < ids.size(); from += size, size = WINDOW) {
                List<WeComRead<List<WxCpUser>>> lists = all(ids.subList(from, Math.min(ids.size(), from + size)), list);
                if (lists.stream().anyMatch(read -> !read.found() && !read.failed())) {
                    return Optional.empty();
                }
                for (WeComRead<List<WxCpUser>> read : lists) {
                    if (read.failed()) {
                        progress.failedRead();
                        complete = false;
                        continue;
                    }
                    for (WxCpUser user : read.value() == null ? List.<WxCpUser>of() : read.value()) {
                        each.accept(new WeComDirectory.User(user.getUserId(), departmentsOf(user), WeComRead.found(user)));
                    }
                }
            }
            return Optional.of(complete);
        }

        /** {@code user/list_id} for the ids, then {@code user/get} for each not handed on yet; answers whether the list was read in full. */
        private boolean usersOneByOne(Set<String> handed, Consumer<WeComDirectory.User> each) {
            Map<String, List<Long>> listed = new LinkedHashMap<>();
            boolean complete = listUsers(listed);
            if (!complete) {
                progress.failedRead();
            }
            listed.keySet().removeAll(handed);
            List<Map.Entry<String, List<Long>>> entries = new ArrayList<>(listed.entrySet());
            for (int from = 0; from < entries.size(); from += WINDOW) {
                all(entries.subList(from, Math.min(entries.size(), from + WINDOW)), entry -> {
                    WeComRead<WxCpUser> details = calls.read("user/get", () -> api.getUserService().getById(entry.getKey()));
                    count(details);
                    return new WeComDirectory.User(entry.getKey(), entry.getValue(), details);
                }).forEach(each);
            }
            return complete;
        }

        /** Pages through {@code user/list_id}; a user in several departments appears once per department. */
        private boolean listUsers(Map<String, List<Long>> users) {
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

        private void count(WeComRead<?> read) {
            if (read.failed()) {
                progress.failedRead();
            } else if (!read.found()) {
                progress.unreadable();
            }
        }

        /** Applies {@code read} to every item on the pool and answers the results in the items' order. */
        private <I, R> List<R> all(List<I> items, Function<I, R> read) {
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
    }

    private static List<Long> departmentsOf(WxCpUser user) {
        return user.getDepartIds() == null ? List.of() : List.of(user.getDepartIds());
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
