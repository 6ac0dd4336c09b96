package io.wecomsync.console.web;

import io.wecomsync.console.services.ServiceAnswer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What an action page shows after its redirect: the success message's key, or the service's problem. */
final class Flashes {

    private Flashes() {
    }

    static void flash(RedirectAttributes redirect, ServiceAnswer done, String successKey) {
        if (done.ok()) {
            redirect.addFlashAttribute("done", successKey);
        } else {
            redirect.addFlashAttribute("problem", done.problem());
        }
    }
}
