package io.wecomsync.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.console.security.Operator;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.List;

/** The morning page: what needs someone (DEAD, waiting, open breakers, held deletions) and how it flows. */
@Controller
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String dashboard(Authentication authentication, Model model) throws Exception {
        dashboard.page(Operator.of(authentication), model);
        return "dashboard";
    }

    /** The tiles alone, which the page fetches again every 15 seconds. */
    @GetMapping("/dashboard/tiles")
    String tiles(Authentication authentication, Model model) {
        dashboard.tiles(Operator.of(authentication), model);
        return "dashboard :: tiles";
    }

    static List<JsonNode> list(JsonNode items) {
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}
