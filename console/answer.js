// A failed call in words, for the console and the fleet page alike. No DOM: the fleet's
// executor (fleet/apply.js), which Node runs too, uses it.

/**
 * A failed answer in words: status, status text and OctoPrint's own message, if any.
 * @param {{status: number, statusText?: string, responseJSON?: any, responseText?: string}} xhr
 */
export function answerText(xhr) {
    let error = xhr.responseJSON && xhr.responseJSON.error;
    if (!error) {
        try {
            error = JSON.parse(xhr.responseText || "").error;
        } catch {
            error = "";
        }
    }
    return xhr.status + " " + (xhr.statusText || "") + (error ? ": " + error : "");
}

/**
 * A failed call in words: a jqXHR's status and OctoPrint's message ("no answer" without a
 * status), or an error's message.
 * @param {any} error
 */
export function failureText(error) {
    if (error && typeof error.status === "number") {
        return error.status ? answerText(error) : "no answer";
    }
    return String((error && error.message) || error);
}
