package io.wecomsync.bench;

import io.wecomsync.simulator.Directory;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A directory of a given size for the simulator: department 1 the root, the others in a tree of
 * fan-out 12 under it; users spread over the departments, one in ten in a second one; tags of a
 * hundred members each. Deterministic, so two runs read the same directory.
 */
final class GeneratedDirectory {

    private GeneratedDirectory() {
    }

    static Directory of(int users, int departments, int tags) {
        Directory directory = new Directory();
        directory.put(new Directory.Department(1, "总部", 0, 1));
        for (long id = 2; id <= departments; id++) {
            long parent = Math.max(1, (id - 2) / 12 + 1);
            directory.put(new Directory.Department(id, "部门" + id, parent, id));
        }
        for (int i = 1; i <= users; i++) {
            long department = 1 + (i % departments);
            long second = 1 + ((i + 7L) % departments);
            List<Long> memberOf = i % 10 == 0 && second != department ? List.of(department, second) : List.of(department);
            directory.put(new Directory.User(userId(i), "员工" + i, memberOf, department, "岗位" + (i % 50),
                    null, null, null, 1));
        }
        for (long tag = 1; tag <= tags; tag++) {
            Set<String> members = new TreeSet<>();
            for (int i = 0; i < 100 && i < users; i++) {
                members.add(userId((int) ((tag * 100 + i) % users) + 1));
            }
            directory.put(new Directory.Tag(tag, "标签" + tag, members, Set.of()));
        }
        return directory;
    }

    static String userId(int i) {
        return String.format("user%06d", i);
    }
}
