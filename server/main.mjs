// `npm start`: the console and the access-API emulator on 127.0.0.1, port PORT (8080 when not
// set; 0 takes a free one). The admin's API key is OCTOPRINT_APIKEY, or a new random one.
// OCTOPRINT_VERSION picks whose rules the emulator follows: 1.10 (when not set), 1.11 or 2.0.
// With OCTOPRINT_URL (or `npm start -- --octoprint URL`) there is no emulator: the server is a
// gateway to that OctoPrint (server/gateway.mjs). HOST listens on another address than
// 127.0.0.1 (docs/console.md says what that exposes). API keys of a real OctoPrint are never
// printed.
import {parseArgs} from "node:util";
import {versions} from "../dist/octoprint-access-fake.mjs";
import {startServer} from "./app.mjs";
import {parseOctoPrintUrl} from "./gateway.mjs";

function stop(message) {
    console.error(message);
    process.exit(1);
}

const version = process.env.OCTOPRINT_VERSION || "1.10";
if (!versions.includes(version)) {
    stop(`OCTOPRINT_VERSION must be one of ${versions.join(", ")}, not "${version}"`);
}

const port = Number(process.env.PORT || 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
    stop(`PORT must be a port number, not "${process.env.PORT}"`);
}
const host = process.env.HOST || "127.0.0.1";

let args;
try {
    args = parseArgs({options: {octoprint: {type: "string"}}}).values;
} catch (error) {
    stop(`${error.message} (npm start takes only --octoprint URL)`);
}
let octoprint = null;
try {
    if (args.octoprint !== undefined)
        octoprint = parseOctoPrintUrl(args.octoprint, "--octoprint");
    else if (process.env.OCTOPRINT_URL)
        octoprint = parseOctoPrintUrl(process.env.OCTOPRINT_URL);
} catch (error) {
    stop(error.message);
}

try {
    const server = await startServer({
        port,
        host,
        apikey: octoprint ? undefined : process.env.OCTOPRINT_APIKEY,
        version: octoprint ? undefined : version,
        octoprint
    });
    console.log(`OctoPrint access console: open ${server.url}`);
    if (octoprint) {
        console.log(
            `Gateway to the OctoPrint at ${server.octoprint}: its access API and client scripts, nothing else`
        );
        console.log("Connect with the API key of one of its admins.");
    } else {
        console.log(
            `Embedded access API (OctoPrint ${server.version}'s rules): ` +
                `user "admin", API key ${server.apikey}`
        );
    }
    if (host !== "127.0.0.1") {
        console.log(
            `Listening on ${host} (HOST): whoever reaches it can use this console.`
        );
    }
    console.log("Press Ctrl+C to stop.");
} catch (error) {
    const hint = error.code === "EADDRINUSE" ? ` (set PORT to use another port)` : "";
    stop(`Cannot listen on ${host}:${port}: ${error.message}${hint}`);
}
