// `npm start`: the console and the access-API emulator on 127.0.0.1, port PORT (8080 when not
// set; 0 takes a free one). The admin's API key is OCTOPRINT_APIKEY, or a new random one.
// OCTOPRINT_VERSION picks whose rules the emulator follows: 1.10 (when not set), 1.11 or 2.0.
// With OCTOPRINT_URL (or `npm start -- --octoprint URL`) there is no emulator: the server is a
// gateway to that OctoPrint (server/gateway.mjs). With OCTOPRINT_FLEET (or `--fleet FILE`) it
// serves a fleet of OctoPrints listed in that file, with `--demo-fleet[=N]` one of N embedded
// emulators (server/fleet.mjs, docs/fleet.md). HOST listens on another address than 127.0.0.1
// (docs/console.md says what that exposes). API keys of a real OctoPrint are never printed.
import {parseArgs} from "node:util";
import {versions} from "../dist/octoprint-access-fake.mjs";
import {startServer} from "./app.mjs";
import {FleetFileError, demoFleet, readFleetFile} from "./fleet-file.mjs";
import {parseOctoPrintUrl} from "./gateway.mjs";

const OPTIONS = {
    "octoprint": {type: "string"},
    "fleet": {type: "string"},
    "demo-fleet": {type: "string"},
    "per-server": {type: "string"},
    "in-flight": {type: "string"},
    "timeout": {type: "string"},
    "probe-timeout": {type: "string"}
};
const USAGE =
    "npm start takes --octoprint URL, --fleet FILE, --demo-fleet[=N], and for a fleet " +
    "--per-server N, --in-flight N, --timeout SECONDS, --probe-timeout SECONDS";
const MAX_DEMO = 100;

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
    // "--demo-fleet" alone means the default size.
    const argv = process.argv
        .slice(2)
        .map((arg) => (arg === "--demo-fleet" ? "--demo-fleet=4" : arg));
    args = parseArgs({args: argv, options: OPTIONS}).values;
} catch (error) {
    stop(`${error.message} (${USAGE})`);
}

/** A whole number from 1 (`seconds`: any number above 0, as ms) given as `flag`, or undefined. */
function count(flag, seconds = false) {
    const text = args[flag];
    if (text === undefined) return undefined;
    const value = Number(text);
    if (seconds ? value > 0 && value <= 3600 : Number.isInteger(value) && value >= 1)
        // At least 1 ms: 0 would turn a socket's timeout off.
        return seconds ? Math.max(1, Math.round(value * 1000)) : value;
    stop(
        `--${flag} must be ${seconds ? "a number of seconds above 0, at most 3600" : "a whole number from 1"}, not "${text}"`
    );
}

// One mode: a flag wins over the environment; two flags, or two variables, are a mistake.
const flags = ["octoprint", "fleet", "demo-fleet"].filter(
    (flag) => args[flag] !== undefined
);
const variables = ["OCTOPRINT_URL", "OCTOPRINT_FLEET"].filter(
    (name) => process.env[name]
);
if (flags.length > 1) stop(`Give one of --${flags.join(", --")}, not ${flags.length}`);
if (!flags.length && variables.length > 1)
    stop(`Set one of ${variables.join(", ")}, not both`);
const mode = flags.length
    ? flags[0]
    : {OCTOPRINT_URL: "octoprint", OCTOPRINT_FLEET: "fleet"}[variables[0]];
const fleetMode = mode === "fleet" || mode === "demo-fleet";
for (const flag of ["per-server", "in-flight", "probe-timeout"]) {
    if (args[flag] !== undefined && !fleetMode)
        stop(`--${flag} is for a fleet (--fleet FILE or --demo-fleet)`);
}
const limits = {
    perServer: count("per-server"),
    inFlight: count("in-flight"),
    timeout: count("timeout", true),
    probeTimeout: count("probe-timeout", true)
};

let octoprint = null;
let fleet = null;
let fleetFrom = null;
try {
    if (mode === "octoprint")
        octoprint = flags.length
            ? parseOctoPrintUrl(args.octoprint, "--octoprint")
            : parseOctoPrintUrl(process.env.OCTOPRINT_URL);
    else if (mode === "fleet") {
        fleetFrom = flags.length ? args.fleet : process.env.OCTOPRINT_FLEET;
        const read = readFleetFile(fleetFrom);
        for (const warning of read.warnings) console.error(warning);
        fleet = read.servers;
    } else if (mode === "demo-fleet") {
        const size = Number(args["demo-fleet"]);
        if (!Number.isInteger(size) || size < 1 || size > MAX_DEMO)
            stop(
                `--demo-fleet=N takes a whole number from 1 to ${MAX_DEMO}, not "${args["demo-fleet"]}"`
            );
        fleet = demoFleet(size);
        fleetFrom = "--demo-fleet";
    }
} catch (error) {
    if (!(error instanceof FleetFileError) && mode === "fleet") throw error;
    stop(error.message);
}

try {
    const server = await startServer({
        port,
        host,
        apikey: octoprint || fleet ? undefined : process.env.OCTOPRINT_APIKEY,
        version: octoprint || fleet ? undefined : version,
        octoprint,
        fleet,
        ...limits
    });
    if (fleet) {
        const {perServer, inFlight, timeout} = server.limits;
        console.log(`OctoPrint fleet console: open ${server.signIn}`);
        console.log(
            `Fleet of ${fleet.length} (${fleetFrom}); at most ${perServer} requests in flight ` +
                `to each server and ${inFlight} in all, ${timeout / 1000} s timeout:`
        );
        const width = Math.max(...server.fleet.map(({name}) => name.length));
        for (const {name, url, emulated} of server.fleet) {
            const where = emulated
                ? `embedded emulator, OctoPrint ${emulated}'s rules`
                : url;
            console.log(`  ${name.padEnd(width)}  ${where}`);
        }
        console.log(
            "The link signs a browser in; the servers' API keys stay in this process."
        );
    } else {
        console.log(`OctoPrint access console: open ${server.url}`);
    }
    if (octoprint) {
        console.log(
            `Gateway to the OctoPrint at ${server.octoprint}: its access API and client scripts, nothing else`
        );
        console.log("Connect with the API key of one of its admins.");
    } else if (!fleet) {
        console.log(
            `Embedded access API (OctoPrint ${server.version}'s rules): ` +
                `user "admin", API key ${server.apikey}`
        );
    }
    if (host !== "127.0.0.1") {
        console.log(
            `Listening on ${host} (HOST): whoever reaches it can use this console` +
                (fleet ? " once they have the link." : ".")
        );
    }
    console.log("Press Ctrl+C to stop.");
} catch (error) {
    const hint = error.code === "EADDRINUSE" ? ` (set PORT to use another port)` : "";
    stop(`Cannot listen on ${host}:${port}: ${error.message}${hint}`);
}
