package io.wecomsync.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** WeCom's directory as the simulator holds it: users, departments and tags, editable and seedable from JSON. */
public final class Directory {

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<Long, Department> departments = new ConcurrentHashMap<>();
    private final Map<Long, Tag> tags = new ConcurrentHashMap<>();

    /**
     * A member. {@code null} fields are unknown (WeCom would not give them); {@code extAttrs} are its text
     * custom attributes (name → value), in order.
     */
    public record User(String userId, String name, List<Long> departments, Long mainDepartment, String position,
                       String mobile, String email, Integer gender, Integer status, Map<String, String> extAttrs) {

        public User {
            departments = departments == null ? List.of() : List.copyOf(departments);
            extAttrs = extAttrs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extAttrs));
        }

        public User(String userId, String name, List<Long> departments, Long mainDepartment, String position,
                    String mobile, String email, Integer gender, Integer status) {
            this(userId, name, departments, mainDepartment, position, mobile, email, gender, status, Map.of());
        }

        public User withUserId(String newUserId) {
            return new User(newUserId, name, departments, mainDepartment, position, mobile, email, gender, status, extAttrs);
        }
    }

    public record Department(long id, String name, long parentId, long order) {
    }

    public record Tag(long id, String name, Set<String> users, Set<Long> departments) {

        public Tag {
            users = users == null ? Set.of() : Set.copyOf(users);
            departments = departments == null ? Set.of() : Set.copyOf(departments);
        }
    }

    /** The JSON seed file's shape: {@code {"users":[…],"departments":[…],"tags":[…]}}. */
    public record Seed(List<User> users, List<Department> departments, List<Tag> tags) {
    }

    public static Directory seed(InputStream json) throws IOException {
        Seed seed = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(json, Seed.class);
        Directory directory = new Directory();
        if (seed.departments() != null) {
            seed.departments().forEach(directory::put);
        }
        if (seed.users() != null) {
            seed.users().forEach(directory::put);
        }
        if (seed.tags() != null) {
            seed.tags().forEach(directory::put);
        }
        return directory;
    }

    public void put(User user) {
        users.put(user.userId(), user);
    }

    public void put(Department department) {
        departments.put(department.id(), department);
    }

    public void put(Tag tag) {
        tags.put(tag.id(), tag);
    }

    public Optional<User> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    public Optional<Department> department(long id) {
        return Optional.ofNullable(departments.get(id));
    }

    public Optional<Tag> tag(long id) {
        return Optional.ofNullable(tags.get(id));
    }

    public void removeUser(String userId) {
        users.remove(userId);
        tags.replaceAll((id, tag) -> {
            Set<String> members = new TreeSet<>(tag.users());
            members.remove(userId);
            return new Tag(tag.id(), tag.name(), members, tag.departments());
        });
    }

    /** Forgets every user, department and tag. */
    public void clear() {
        users.clear();
        departments.clear();
        tags.clear();
    }

    public void removeTag(long id) {
        tags.remove(id);
    }

    public void removeDepartment(long id) {
        departments.remove(id);
    }

    /** WeCom's NewUserID: the member keeps everything under a new userid. */
    public void renameUser(String from, String to) {
        User user = users.remove(from);
        if (user == null) {
            throw new IllegalArgumentException("no user " + from);
        }
        users.put(to, user.withUserId(to));
        tags.replaceAll((id, tag) -> {
            if (!tag.users().contains(from)) {
                return tag;
            }
            Set<String> members = new TreeSet<>(tag.users());
            members.remove(from);
            members.add(to);
            return new Tag(tag.id(), tag.name(), members, tag.departments());
        });
    }

    /** Users ordered by userid, as {@code user/list_id} pages them. */
    public List<User> users() {
        List<User> all = new ArrayList<>(users.values());
        all.sort(Comparator.comparing(User::userId));
        return all;
    }

    /** The members of one department, in no particular order. */
    public List<User> usersIn(long departmentId) {
        Long id = departmentId;
        return users.values().stream().filter(user -> user.departments().contains(id)).toList();
    }

    public List<Tag> tags() {
        List<Tag> all = new ArrayList<>(tags.values());
        all.sort(Comparator.comparingLong(Tag::id));
        return all;
    }

    public List<Department> departments() {
        List<Department> all = new ArrayList<>(departments.values());
        all.sort(Comparator.comparingLong(Department::id));
        return all;
    }
}
