// Talking to the server: every call goes through OctoPrint.access on state.client.
import {answerText} from "./answer.js";
import {busy, say} from "./dom.js";
import {state} from "./state.js";

/** What went wrong, for the message bar: status, status text and OctoPrint's own message. */
function failure(xhr) {
    if (!xhr.status) {
        // Advice for another origin only where the request went to one: through this page's
        // own server (the emulator, or the gateway) it does not apply.
        const sameOrigin =
            new URL(state.hostFrom || ".", location.href).origin === location.origin;
        return (
            "no answer from the server (is the URL right and the server up?" +
            (sameOrigin
                ? ")"
                : " For a real OctoPrint, start this console with OCTOPRINT_URL=" +
                  "<its URL> npm start instead: see the hint under Connect)")
        );
    }
    return answerText(xhr);
}

/**
 * Runs one OctoPrint.access call, `request(access)`, with the busy indicator on and `button`
 * disabled. Resolves to the response ({} when empty), or to null after a failure, which it
 * has shown as "<what> failed — <why>".
 */
export function call(what, request, button) {
    let xhr;
    try {
        xhr = request(state.client.access);
    } catch (error) {
        say(what + ": " + error.message, "error"); // InvalidArgumentError
        return Promise.resolve(null);
    }
    busy(+1);
    if (button) button.disabled = true;
    return new Promise((resolve) => {
        xhr.done((data) => resolve(data || {}))
            .fail((jqXHR) => {
                say(what + " failed — " + failure(jqXHR), "error");
                resolve(null);
            })
            .always(() => {
                busy(-1);
                if (button) button.disabled = false;
            });
    });
}

/**
 * One thing a person does: call(), then, when it succeeded, `update(response)` the view, say
 * `done` (when given) and start `next(response)`, a follow-up such as reloading a list.
 * Resolves to the response, or to null after a failure (shown by call(); nothing updated).
 */
export function act(what, request, {button, update, done, next} = {}) {
    return call(what, request, button).then((response) => {
        if (!response) return null;
        if (update) update(response);
        if (done) say(done, "ok");
        if (next) next(response);
        return response;
    });
}
