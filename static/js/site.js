/* Progressive enhancement only. The header markup starts with the menu folded
 * (aria-expanded="false" on the toggle, data-collapsed on the menu); site.css hides it only
 * on narrow screens with scripting on, so there is no layout shift after the first paint and,
 * without JavaScript, the menu simply stays open. This script only toggles it. */
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    var button = document.querySelector(".menu-toggle");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) {
        return;
    }

    function show(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        if (open) {
            menu.removeAttribute("data-collapsed");
        } else {
            menu.setAttribute("data-collapsed", "");
        }
    }

    button.addEventListener("click", function () {
        show(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
        // Only while the toggle is shown (narrow screens): a wide screen's menu never folds.
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true" && button.offsetParent !== null) {
            show(false);
            button.focus();
        }
    });
})();
