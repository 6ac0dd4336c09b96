package io.wecomsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static io.wecomsync.simulator.Answers.JSON;
import static io.wecomsync.simulator.Answers.error;
import static io.wecomsync.simulator.Answers.ok;

/**
 * WeCom's contact API over a {@link Directory}, as wecom-sync reads it: {@code user/get}, {@code user/list},
 * {@code user/list_id}, {@code department/get}, {@code department/simplelist}, {@code tag/get} and
 * {@code tag/list}, each answer with WeCom's fields and {@code errcode}s. Since 2022 a self-built app no
 * longer reads mobile, email or gender: {@link #setDetailsHidden} answers as WeCom then does.
 */
final class ContactApi {

    private final Directory directory;
    private volatile boolean detailsHidden;

    ContactApi(Directory directory) {
        this.directory = directory;
    }

    void setDetailsHidden(boolean hidden) {
        this.detailsHidden = hidden;
    }

    JsonNode user(String userId) {
        return directory.user(userId).<JsonNode>map(user -> userJson(ok(), user))
                .orElseGet(() -> error(60111, "userid not found"));
    }

    /** {@code user/list}: the members of one department (WeCom's details, as {@code user/get} gives them). */
    JsonNode userList(String departmentId) {
        if (!departmentId.matches("\\d{1,18}")) {
            return error(40058, "invalid department_id");
        }
        long id = Long.parseLong(departmentId);
        if (directory.department(id).isEmpty()) {
            return error(60123, "department not found");
        }
        ObjectNode node = ok();
        ArrayNode list = node.putArray("userlist");
        directory.usersIn(id).forEach(user -> userJson(list.addObject(), user));
        return node;
    }

    private ObjectNode userJson(ObjectNode node, Directory.User user) {
        node.put("userid", user.userId()).put("name", user.name());
        node.set("department", JSON.valueToTree(user.departments()));
        if (user.mainDepartment() != null) {
            node.put("main_department", user.mainDepartment());
        }
        if (user.position() != null) {
            node.put("position", user.position());
        }
        if (user.status() != null) {
            node.put("status", user.status());
        }
        if (!user.extAttrs().isEmpty()) {
            ArrayNode attrs = node.putObject("extattr").putArray("attrs");
            user.extAttrs().forEach((name, value) -> attrs.addObject().put("type", 0).put("name", name)
                    .put("value", value).putObject("text").put("value", value));
        }
        if (!detailsHidden) {
            putIfKnown(node, "mobile", user.mobile());
            putIfKnown(node, "email", user.email());
            if (user.gender() != null) {
                node.put("gender", String.valueOf(user.gender()));
            }
        }
        return node;
    }

    JsonNode listIds(JsonNode request) {
        int limit = Math.max(1, Math.min(10000, request.path("limit").asInt(10000)));
        int start = request.path("cursor").asText("").isEmpty() ? 0 : Integer.parseInt(request.path("cursor").asText());
        List<Directory.User> all = directory.users();
        ObjectNode node = ok();
        ArrayNode page = node.putArray("dept_user");
        for (int i = start; i < Math.min(all.size(), start + limit); i++) {
            for (Long department : all.get(i).departments()) {
                page.addObject().put("userid", all.get(i).userId()).put("department", department);
            }
        }
        node.put("next_cursor", start + limit < all.size() ? String.valueOf(start + limit) : "");
        return node;
    }

    JsonNode department(String id) {
        if (!id.matches("\\d{1,18}")) {
            return error(40058, "invalid id");
        }
        return directory.department(Long.parseLong(id)).<JsonNode>map(department -> {
            ObjectNode node = ok();
            node.putObject("department").put("id", department.id()).put("name", department.name())
                    .put("parentid", department.parentId()).put("order", department.order());
            return node;
        }).orElseGet(() -> error(60123, "department not found"));
    }

    JsonNode simpleList() {
        ObjectNode node = ok();
        ArrayNode list = node.putArray("department_id");
        directory.departments().forEach(d -> list.addObject().put("id", d.id()).put("parentid", d.parentId()).put("order", d.order()));
        return node;
    }

    JsonNode tag(String id) {
        if (!id.matches("\\d{1,18}")) {
            return error(40068, "invalid tagid");
        }
        return directory.tag(Long.parseLong(id)).<JsonNode>map(tag -> {
            ObjectNode node = ok().put("tagname", tag.name());
            ArrayNode users = node.putArray("userlist");
            tag.users().stream().sorted().forEach(userId -> users.addObject().put("userid", userId)
                    .put("name", directory.user(userId).map(Directory.User::name).orElse(userId)));
            node.set("partylist", JSON.valueToTree(tag.departments().stream().sorted().toList()));
            return node;
        }).orElseGet(() -> error(40068, "tag not found"));
    }

    JsonNode tagList() {
        ObjectNode node = ok();
        ArrayNode list = node.putArray("taglist");
        directory.tags().forEach(tag -> list.addObject().put("tagid", tag.id()).put("tagname", tag.name()));
        return node;
    }

    private static void putIfKnown(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
