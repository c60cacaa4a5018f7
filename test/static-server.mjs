// A real HTTP server on 127.0.0.1 for the browser tests: the repository's files, and /echo/,
// which answers every request with what it received (method, raw URL, headers, body), so tests
// can see a request as it left the browser. ?status=N answers with that status and an
// OctoPrint-style {"error": ...} body; ?malformed=1 answers 200 with a body that is not JSON.
import {createReadStream, statSync} from "node:fs";
import {createServer} from "node:http";
import {extname, join, normalize, sep} from "node:path";
import {fileURLToPath} from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".png": "image/png"
};

function echo(req, res) {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
        const query = new URL(req.url, "http://localhost").searchParams;
        const status = Number(query.get("status")) || 200;
        const body =
            query.get("malformed") !== null
                ? "{this is not json"
                : JSON.stringify(
                      status >= 400
                          ? {error: `echo: status ${status}`}
                          : {
                                method: req.method,
                                url: req.url,
                                headers: req.headers,
                                body: Buffer.concat(chunks).toString("utf8")
                            }
                  );
        res.writeHead(status, {"Content-Type": "application/json"});
        res.end(body);
    });
}

function serveFile(req, res) {
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT) || file.split(sep).includes(".git")) {
        res.writeHead(403).end();
        return;
    }
    let stat;
    try {
        stat = statSync(file);
    } catch {
        res.writeHead(404).end("not found");
        return;
    }
    if (!stat.isFile()) {
        res.writeHead(404).end("not found");
        return;
    }
    res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] || "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-store"
    });
    createReadStream(file).pipe(res);
}

/** Starts the server on a free port; resolves to {url, close}. */
export function startStaticServer() {
    const server = createServer((req, res) =>
        req.url.startsWith("/echo/") ? echo(req, res) : serveFile(req, res)
    );
    return new Promise((resolve) => {
        server.listen(0, "127.0.0.1", () => {
            resolve({
                url: `http://127.0.0.1:${server.address().port}`,
                close: () => new Promise((done) => server.close(done))
            });
        });
    });
}
