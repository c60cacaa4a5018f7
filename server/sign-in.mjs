// Fleet mode's sign-in: the process holds admin keys for a whole fleet, so being able to reach
// 127.0.0.1 must not be enough to use them. At start `npm start` prints a link with a random
// token (as Jupyter does); opening it sets a cookie holding the token, and every /fleet/
// request must carry that cookie. The page itself (HTML, scripts, styles) needs none.
import {createHash, randomBytes, timingSafeEqual} from "node:crypto";

const digest = (text) => createHash("sha256").update(text).digest();

/**
 * The sign-in of a server listening on `port`: `token` (default 32 random bytes, base64url).
 * Returns {token, cookie, check(req), exchange(req, res, path)}; `cookie` is the cookie's name,
 * with the port in it, since browsers share cookies across the ports of one host.
 */
export function createSignIn({port, token = randomBytes(32).toString("base64url")}) {
    const cookie = `octoprint-fleet-${port}`;
    const wanted = digest(token);
    // Hashes of equal length: the comparison takes as long whatever was sent.
    const matches = (text) => timingSafeEqual(digest(text), wanted);

    /** Whether the request carries the cookie with the token. */
    function check(req) {
        for (const part of String(req.headers.cookie ?? "").split(";")) {
            const at = part.indexOf("=");
            if (at > 0 && part.slice(0, at).trim() === cookie) {
                if (matches(part.slice(at + 1).trim())) return true;
            }
        }
        return false;
    }

    /**
     * A GET with `?token=` in its query: the right token gets the cookie and a 303 to the
     * same path without the query; a wrong one 401 and no cookie. Returns whether it answered.
     */
    function exchange(req, res, path) {
        const query = req.url.slice(path.length + 1);
        const given = new URLSearchParams(query).get("token");
        if (given === null || (req.method !== "GET" && req.method !== "HEAD"))
            return false;
        if (!matches(given)) {
            res.writeHead(401, {
                "Content-Type": "text/plain; charset=utf-8",
                "Cache-Control": "no-store"
            });
            res.end(
                "This link's token is not this server's: open the link npm start printed.\n"
            );
            return true;
        }
        res.writeHead(303, {
            "Location": /^\/(?![/\\])/.test(path) ? path : "/", // never "//elsewhere"
            "Set-Cookie": `${cookie}=${token}; Path=/; HttpOnly; SameSite=Strict`,
            "Cache-Control": "no-store",
            "Content-Length": 0
        });
        res.end();
        return true;
    }

    return {token, cookie, check, exchange};
}
