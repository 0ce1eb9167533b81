// The ticket board: drag a card onto a column to post the card's own move form.
// Without this script the form on each card does the same with a page reload.
(function () {
    "use strict";
    var board = document.querySelector("[data-helpdesk-board]");
    if (!board) {
        return;
    }
    var errorBox = document.querySelector("[data-board-error]");
    var dragged = null;

    function showError(text) {
        errorBox.textContent = text;
        errorBox.hidden = false;
    }

    function adjustCount(column, delta) {
        var count = column.querySelector("[data-column-count]");
        count.textContent = String(parseInt(count.textContent, 10) + delta);
    }

    board.addEventListener("dragstart", function (event) {
        dragged = event.target.closest("[data-ticket]");
        if (dragged) {
            event.dataTransfer.setData("text/plain", dragged.dataset.ticket);
        }
    });
    board.addEventListener("dragover", function (event) {
        var column = event.target.closest("[data-status]");
        if (column && dragged) {
            event.preventDefault();
            column.classList.add("helpdesk-board__column--over");
        }
    });
    board.addEventListener("dragleave", function (event) {
        var column = event.target.closest("[data-status]");
        if (column) {
            column.classList.remove("helpdesk-board__column--over");
        }
    });
    board.addEventListener("drop", function (event) {
        var column = event.target.closest("[data-status]");
        if (!column || !dragged) {
            return;
        }
        event.preventDefault();
        column.classList.remove("helpdesk-board__column--over");
        var card = dragged;
        var from = card.closest("[data-status]");
        dragged = null;
        if (from === column) {
            return;
        }
        var form = card.querySelector("[data-board-move]");
        var data = new FormData(form);
        data.set("status", column.dataset.status);
        errorBox.hidden = true;
        fetch(form.action, {
            method: "POST",
            body: data,
            headers: { Accept: "application/json" },
            credentials: "same-origin",
        })
            .then(function (response) {
                return response.json().catch(function () {
                    return { ok: false, error: response.statusText };
                });
            })
            .then(function (result) {
                if (!result.ok) {
                    showError(result.error);
                    return;
                }
                column.querySelector(".helpdesk-board__cards").prepend(card);
                form.querySelector("select").value = result.status;
                adjustCount(from, -1);
                adjustCount(column, 1);
            })
            .catch(function (error) {
                showError(String(error));
            });
    });
})();
