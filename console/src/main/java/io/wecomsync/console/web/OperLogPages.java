package io.wecomsync.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.console.security.Operator;
import io.wecomsync.console.services.ServiceAnswer;
import io.wecomsync.console.services.Services;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operation log (操作日志): by corp, action, target, operator, source event, trace and time, newest first,
 * paged; and the same search as CSV.
 */
@Controller
class OperLogPages {

    /** The most pages of 200 a CSV export fetches: 5,000 entries. */
    static final int CSV_PAGES = 25;

    private final Services services;

    OperLogPages(Services services) {
        this.services = services;
    }

    @GetMapping("/oper-logs")
    String search(@RequestParam Map<String, String> parameters, @RequestParam(defaultValue = "1") String page,
                  Authentication authentication, Model model, HttpServletResponse response) {
        Map<String, Object> query = filter(parameters);
        query.put("page", page);
        query.put("size", 50);
        ServiceAnswer entries = services.get(Operator.of(authentication), "/api/mdm/oper-logs", query);
        model.addAttribute("filter", query);
        model.addAttribute("entries", DashboardController.list(entries.data().path("items")));
        model.addAttribute("total", entries.data().path("total").asLong(0));
        model.addAttribute("page", entries.data().path("page").asLong(1));
        if (!entries.ok()) {
            model.addAttribute("problem", entries.problem());
        }
        response.setStatus(entries.ok() ? 200 : entries.status());
        return "oplog";
    }

    /**
     * The entries the same filters find, newest first, as CSV (UTF-8 with a byte-order mark, so Excel
     * opens Chinese text as it is); at most {@value #CSV_PAGES} × 200 rows. A refused filter answers the
     * service's status and message as text.
     */
    @GetMapping(value = "/oper-logs.csv")
    ResponseEntity<String> csv(@RequestParam Map<String, String> parameters, Authentication authentication) {
        Operator operator = Operator.of(authentication);
        Map<String, Object> query = filter(parameters);
        query.put("size", 200);
        OperLogCsv csv = new OperLogCsv();
        for (int page = 1; page <= CSV_PAGES; page++) {
            query.put("page", page);
            ServiceAnswer entries = services.get(operator, "/api/mdm/oper-logs", query);
            if (!entries.ok()) {
                return ResponseEntity.status(entries.status()).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                        .body(entries.problem());
            }
            JsonNode items = entries.data().path("items");
            items.forEach(csv::row);
            if (items.size() < 200) {
                break;
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("oper-logs.csv").build().toString())
                .body(csv.text());
    }

    /** The search's filters, as the operator typed them (mdm-service checks them). */
    private static Map<String, Object> filter(Map<String, String> parameters) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (String name : new String[]{"corpId", "action", "targetId", "operator", "sourceEventId", "traceId", "from", "to"}) {
            query.put(name, parameters.get(name));
        }
        return query;
    }
}
