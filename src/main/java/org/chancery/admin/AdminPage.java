package org.chancery.admin;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin UI's address, {@code /admin} or {@code /admin/}: its page. A handler method rather than a view
 * controller, so that a method the address does not take is answered as on every other path (405 with its
 * methods, in the one problem-details advice).
 */
@Hidden
@Controller
class AdminPage {

    @GetMapping({"/admin", "/admin/"})
    String page() {
        return "forward:/admin/index.html";
    }
}
