/*
 * The agent's ticket view: canned responses into the composer, presence polling and typing signals.
 *
 * Everything from the server is put in with textContent / value, never as HTML.
 * Without JavaScript the page still works: the reply is checked for changes
 * on the server (workflow.reply), only the live banner is missing.
 */
(function () {
    "use strict";

    var POLL_MS = 10000;
    var TYPING_THROTTLE_MS = 4000;

    function csrfToken() {
        if (window.wagtailConfig && window.wagtailConfig.CSRF_TOKEN) return window.wagtailConfig.CSRF_TOKEN;
        var input = document.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    function insertAtCursor(textarea, text) {
        var start = textarea.selectionStart || 0;
        var end = textarea.selectionEnd || 0;
        var before = textarea.value.slice(0, start);
        var after = textarea.value.slice(end);
        textarea.value = before + text + after;
        var caret = before.length + text.length;
        textarea.focus();
        textarea.setSelectionRange(caret, caret);
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function setupCanned(textarea) {
        var box = document.querySelector("[data-helpdesk-canned]");
        if (!box || !textarea) return;
        var select = box.querySelector("[data-helpdesk-canned-select]");
        var button = box.querySelector("[data-helpdesk-canned-insert]");
        var error = box.querySelector("[data-helpdesk-canned-error]");
        button.addEventListener("click", function () {
            var option = select.options[select.selectedIndex];
            if (!option || !option.value) return;
            error.hidden = true;
            fetch(option.getAttribute("data-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
                .then(function (response) {
                    if (!response.ok) throw new Error(response.status);
                    return response.json();
                })
                .then(function (data) {
                    insertAtCursor(textarea, data.text);
                    select.selectedIndex = 0;
                })
                .catch(function () {
                    error.hidden = false;
                });
        });
    }

    function setupPresence(root, textarea) {
        var url = root.getAttribute("data-presence-url");
        var lastSeen = root.getAttribute("data-last-message-id");
        var banner = document.querySelector("[data-helpdesk-presence]");
        var changed = document.querySelector("[data-helpdesk-changed]");
        var lastTypingSent = 0;
        var typedSinceLastPoll = false;
        if (!url || !banner) return;

        function ping(typing) {
            var body = new URLSearchParams();
            body.set("since", lastSeen);
            if (typing) body.set("typing", "1");
            return fetch(url, {
                method: "POST",
                credentials: "same-origin",
                headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
                body: body,
            })
                .then(function (response) {
                    return response.ok ? response.json() : null;
                })
                .then(function (data) {
                    if (!data) return;
                    banner.textContent = data.message;
                    banner.hidden = !data.message;
                    if (data.changed) {
                        changed.textContent = data.changed_message;
                        changed.hidden = false;
                    }
                })
                .catch(function () {});
        }

        if (textarea) {
            textarea.addEventListener("input", function () {
                typedSinceLastPoll = true;
                var now = Date.now();
                if (now - lastTypingSent > TYPING_THROTTLE_MS) {
                    lastTypingSent = now;
                    ping(true);
                }
            });
        }
        window.setInterval(function () {
            if (document.hidden) return;
            ping(typedSinceLastPoll);
            typedSinceLastPoll = false;
        }, POLL_MS);
        ping(false);
    }

    document.addEventListener("DOMContentLoaded", function () {
        var root = document.querySelector("[data-helpdesk-ticket]");
        if (!root) return;
        var textarea = document.getElementById("id_reply-body");
        setupCanned(textarea);
        setupPresence(root, textarea);
    });
})();
