package io.wecomsync.console.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Departments as a tree: each node with its children, in the order mdm-service lists them. */
public record DepartmentTree(JsonNode department, List<DepartmentTree> children) {

    static List<DepartmentTree> of(JsonNode departments) {
        Map<Long, DepartmentTree> byId = new LinkedHashMap<>();
        departments.forEach(d -> byId.put(d.path("deptId").asLong(), new DepartmentTree(d, new ArrayList<>())));
        List<DepartmentTree> roots = new ArrayList<>();
        for (DepartmentTree node : byId.values()) {
            DepartmentTree parent = byId.get(node.department().path("parentId").asLong(0));
            if (parent == null || parent == node) {
                roots.add(node);
            } else {
                parent.children().add(node);
            }
        }
        return roots;
    }
}
