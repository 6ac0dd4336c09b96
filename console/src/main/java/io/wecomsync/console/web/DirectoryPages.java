package io.wecomsync.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.wecomsync.common.mdm.WxIds;
import io.wecomsync.common.pii.PiiMasking;
import io.wecomsync.console.security.Operator;
import io.wecomsync.console.services.ServiceAnswer;
import io.wecomsync.console.services.Services;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The directory as mdm-service holds it: a corp's department tree, a department's members, one user's page
 * (memberships, tags, rename history, what the operation log and the CRM outbox say about them). Names,
 * mobiles, emails, telephones and addresses are shown masked only.
 */
@Controller
class DirectoryPages {

    private final Services services;

    DirectoryPages(Services services) {
        this.services = services;
    }

    @GetMapping("/directory")
    String tree(@RequestParam(required = false) String corpId, Authentication authentication, Model model,
                HttpServletResponse response) {
        model.addAttribute("corpId", corpId);
        model.addAttribute("roots", List.of());
        if (corpId == null || corpId.isBlank()) {
            return "directory";
        }
        if (!corpId.matches(WxIds.CORP_ID)) {
            return refuse(model, response, "directory", "corpId must be 1 to 64 letters, digits, '_' or '-'");
        }
        ServiceAnswer departments = services.get(Operator.of(authentication), "/api/mdm/directory/" + corpId + "/departments", Map.of());
        model.addAttribute("roots", DepartmentTree.of(departments.data()));
        model.addAttribute("count", departments.data().size());
        problem(model, response, departments);
        return "directory";
    }

    @GetMapping("/directory/{corpId}/departments/{deptId}")
    String department(@PathVariable String corpId, @PathVariable long deptId, @RequestParam(defaultValue = "1") String page,
                      Authentication authentication, Model model, HttpServletResponse response) {
        if (!corpId.matches(WxIds.CORP_ID)) {
            return refuse(model, response, "department", "corpId must be 1 to 64 letters, digits, '_' or '-'");
        }
        Operator operator = Operator.of(authentication);
        ServiceAnswer department = services.get(operator, "/api/mdm/departments/" + corpId + "/" + deptId, Map.of());
        ServiceAnswer members = services.get(operator, "/api/mdm/directory/" + corpId + "/departments/" + deptId + "/members",
                Map.of("page", page, "size", 50));
        model.addAttribute("corpId", corpId);
        model.addAttribute("department", department.data());
        List<Map<String, String>> shown = new ArrayList<>();
        for (JsonNode member : members.data().path("items")) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("wxUserId", member.path("wxUserId").asText());
            row.put("name", masked(member, "name", PiiMasking::maskName));
            row.put("position", member.path("position").asText(""));
            row.put("status", member.path("status").asText(""));
            row.put("leader", member.path("leader").asBoolean() ? "✓" : "");
            shown.add(row);
        }
        model.addAttribute("members", shown);
        model.addAttribute("total", members.data().path("total").asLong(0));
        model.addAttribute("page", members.data().path("page").asLong(1));
        problem(model, response, !department.ok() ? department : members);
        return "department";
    }

    @GetMapping("/directory/{corpId}/users/{wxUserId}")
    String user(@PathVariable String corpId, @PathVariable String wxUserId, Authentication authentication, Model model,
                HttpServletResponse response) {
        if (!corpId.matches(WxIds.CORP_ID) || !wxUserId.matches(WxIds.USER_ID)) {
            model.addAttribute("user", Map.of());
            return refuse(model, response, "user", "corpId or userid is not one WeCom gives");
        }
        Operator operator = Operator.of(authentication);
        ServiceAnswer found = services.get(operator, "/api/mdm/users",
                Map.of("corpId", corpId, "wxUserId", wxUserId, "includeDeleted", true));
        JsonNode user = found.data().path(0);
        model.addAttribute("corpId", corpId);
        model.addAttribute("wxUserId", wxUserId);
        model.addAttribute("user", maskedFields(user));
        model.addAttribute("departments", DashboardController.list(user.path("departments")));
        if (!found.ok() || user.isMissingNode()) {
            model.addAttribute("problem", found.ok() ? "no user " + wxUserId + " in corp " + corpId : found.problem());
            response.setStatus(found.ok() ? 404 : found.status());
            return "user";
        }
        String userId = user.path("userId").asText();
        ServiceAnswer tags = services.get(operator, "/api/mdm/directory/" + corpId + "/users/" + wxUserId + "/tags", Map.of());
        ServiceAnswer timeline = services.get(operator, "/api/mdm/oper-logs",
                Map.of("targetType", "USER", "targetId", userId, "size", 50));
        ServiceAnswer crm = services.get(operator, "/api/mdm/admin/outbox", Map.of("userId", userId, "size", 20));
        List<JsonNode> entries = DashboardController.list(timeline.data().path("items"));
        model.addAttribute("tags", DashboardController.list(tags.data()));
        model.addAttribute("timeline", entries);
        model.addAttribute("renames", entries.stream().filter(e -> "USER_RENAME".equals(e.path("action").asText())).toList());
        model.addAttribute("deliveries", DashboardController.list(crm.data().path("items")));
        ServiceAnswer failed = !tags.ok() ? tags : !timeline.ok() ? timeline : crm;
        if (!failed.ok()) {
            model.addAttribute("problem", failed.problem());
        }
        return "user";
    }

    /** The user's fields as the page shows them: personal data masked, the rest as it is. */
    private static Map<String, String> maskedFields(JsonNode user) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (user.isMissingNode()) {
            return fields;
        }
        fields.put("userId", user.path("userId").asText());
        fields.put("name", masked(user, "name", PiiMasking::maskName));
        fields.put("alias", masked(user, "alias", PiiMasking::maskName));
        fields.put("position", text(user, "position"));
        fields.put("status", text(user, "status"));
        fields.put("employeeNumber", text(user, "employeeNumber"));
        fields.put("mobile", masked(user, "mobile", PiiMasking::maskMobile));
        fields.put("email", masked(user, "email", PiiMasking::maskEmail));
        fields.put("bizMail", masked(user, "bizMail", PiiMasking::maskEmail));
        fields.put("telephone", masked(user, "telephone", PiiMasking::maskTelephone));
        fields.put("address", masked(user, "address", PiiMasking::maskAddress));
        fields.put("mainDepartment", text(user, "mainDepartment"));
        fields.put("deleted", String.valueOf(user.path("deleted").asBoolean()));
        fields.put("updatedAt", text(user, "updatedAt"));
        return fields;
    }

    /** A field masked; empty when it has no value (a mask of nothing would suggest there is something). */
    private static String masked(JsonNode node, String field, UnaryOperator<String> mask) {
        String value = text(node, field);
        return value.isEmpty() ? "" : mask.apply(value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    /** The page with a refusal of the operator's input (400): nothing asked of the services. */
    private static String refuse(Model model, HttpServletResponse response, String view, String why) {
        model.addAttribute("problem", why);
        model.addAttribute("department", MissingNode.getInstance());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return view;
    }

    private static void problem(Model model, HttpServletResponse response, ServiceAnswer answer) {
        if (!answer.ok()) {
            model.addAttribute("problem", answer.problem());
            response.setStatus(answer.status());
        }
    }
}
