/* Progressive enhancement of the donate form (templates/donations/includes/donate_form.html).
 * Without JavaScript every currency's amounts are shown and the server checks that the
 * chosen amount matches the currency; the review step shows the summary. With it, only
 * the chosen currency's (and frequency's) amounts are shown and a live summary appears.
 */
(function () {
    "use strict";
    var form = document.querySelector("[data-donate-form]");
    if (!form) {
        return;
    }
    var summary = form.querySelector("[data-donate-summary]");
    var custom = form.querySelector("#id_custom_amount");

    function checked(name) {
        var input = form.querySelector('input[name="' + name + '"]:checked');
        return input || null;
    }

    function labelText(input) {
        var label = input && input.closest("label");
        var span = label && label.querySelector("span");
        return span ? span.textContent.trim() : "";
    }

    function filterPresets() {
        var currency = checked("currency");
        var frequency = checked("frequency");
        var code = currency ? currency.value : "";
        var often = frequency ? frequency.value : "";
        form.querySelectorAll(".donate-presets").forEach(function (group) {
            var show = group.getAttribute("data-currency") === code;
            group.hidden = !show;
            group.querySelectorAll(".donate-preset").forEach(function (label) {
                var only = label.getAttribute("data-frequency");
                var fits = only === "any" || only === often;
                label.hidden = !fits;
                var radio = label.querySelector("input");
                if ((!show || !fits) && radio.checked) {
                    radio.checked = false;
                }
            });
        });
    }

    function amountText() {
        var currency = checked("currency");
        if (custom && custom.value.trim()) {
            return custom.value.trim() + "\u00a0" + (currency ? currency.value : "");
        }
        return labelText(checked("preset"));
    }

    function updateSummary() {
        if (!summary) {
            return;
        }
        var amount = amountText();
        var fund = labelText(checked("fund"));
        var frequency = checked("frequency");
        if (!amount || !fund || !frequency) {
            summary.hidden = true;
            return;
        }
        var template = summary.getAttribute(
            frequency.value === "monthly" ? "data-monthly" : "data-once"
        );
        summary.textContent = template.replace("{amount}", amount).replace("{fund}", fund);
        summary.hidden = false;
    }

    form.addEventListener("change", function (event) {
        if (event.target.name === "currency" || event.target.name === "frequency") {
            filterPresets();
        }
        if (event.target.name === "preset" && custom) {
            custom.value = "";
        }
        updateSummary();
    });
    if (custom) {
        custom.addEventListener("input", function () {
            if (custom.value.trim()) {
                var preset = checked("preset");
                if (preset) {
                    preset.checked = false;
                }
            }
            updateSummary();
        });
    }
    filterPresets();
    updateSummary();
})();
