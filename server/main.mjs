// `npm start`: the console and the access-API emulator on 127.0.0.1, port PORT (8080 when not
// set; 0 takes a free one). The admin's API key is OCTOPRINT_APIKEY, or a new random one.
// OCTOPRINT_VERSION picks whose rules the emulator follows: 1.10 (when not set), 1.11 or 2.0.
import {startServer} from "./app.mjs";

const VERSIONS = ["1.10", "1.11", "2.0"];
const version = process.env.OCTOPRINT_VERSION || "1.10";
if (!VERSIONS.includes(version)) {
    console.error(
        `OCTOPRINT_VERSION must be one of ${VERSIONS.join(", ")}, not "${version}"`
    );
    process.exit(1);
}

const port = Number(process.env.PORT || 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}"`);
    process.exit(1);
}

try {
    const server = await startServer({
        port,
        apikey: process.env.OCTOPRINT_APIKEY,
        version
    });
    console.log(`OctoPrint access console: open ${server.url}`);
    console.log(
        `Embedded access API (OctoPrint ${server.version}'s rules): ` +
            `user "admin", API key ${server.apikey}`
    );
    console.log("Press Ctrl+C to stop.");
} catch (error) {
    const hint = error.code === "EADDRINUSE" ? ` (set PORT to use another port)` : "";
    console.error(`Cannot listen on 127.0.0.1:${port}: ${error.message}${hint}`);
    process.exit(1);
}
