// What the console's server and its gateway both need of a request and an answer.

export const MAX_BODY = 1024 * 1024; // larger request bodies get 413 (and are not forwarded)
const MAX_DRAIN = 64 * MAX_BODY; // past this, stop reading and drop the connection

/** Answers with `body`: JSON, or plain text when it is a string; never cached. */
export function send(res, status, body, headers = {}) {
    if (res.headersSent || res.destroyed) return;
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, {
        "Content-Type":
            typeof body === "string" ? "text/plain; charset=utf-8" : "application/json",
        "Content-Length": Buffer.byteLength(text),
        "Cache-Control": "no-store",
        ...headers
    });
    res.end(text);
}

/** The 413 answer to a body over MAX_BODY. */
export const sendTooLarge = (res) =>
    send(res, 413, {error: `The request body is larger than ${MAX_BODY} bytes`});

/**
 * The request body: {body} (a Buffer), {tooLarge} past MAX_BODY (read to its end and dropped,
 * so the client sees the 413 instead of a reset), or {aborted} when the client went away.
 */
export function readBody(req) {
    return new Promise((resolve) => {
        const chunks = [];
        let size = 0;
        req.on("data", (chunk) => {
            size += chunk.length;
            if (size <= MAX_BODY) chunks.push(chunk);
            else if (size > MAX_DRAIN) req.destroy();
        });
        req.on("end", () =>
            resolve(size > MAX_BODY ? {tooLarge: true} : {body: Buffer.concat(chunks)})
        );
        req.on("close", () => resolve({aborted: true})); // after "end", a no-op
    });
}
