package org.chancery.admin;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.shared.web.SecurityHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin UI's address, {@code /admin} or {@code /admin/}: its page. A handler method rather than a view
 * controller, so that a method the address does not take is answered as on every other path (405 with its
 * methods, in the one problem-details advice). The security headers of every answer are set before the forward:
 * Spring Security writes them as the body is written, and a {@code HEAD} or a {@code 304} of the forwarded page,
 * committed with no body, went without them.
 */
@Hidden
@Controller
class AdminPage {

    @GetMapping({"/admin", "/admin/"})
    String page(HttpServletResponse response) {
        SecurityHeaders.addMissingOfAPage(response);
        return "forward:/admin/index.html";
    }
}
