/* Progressive enhancement only: without JavaScript the menu simply stays open. */
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

    show(false);
    button.addEventListener("click", function () {
        show(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
            show(false);
            button.focus();
        }
    });
})();
