// The emulator's shared table (test/emulator/table.mjs), its per-version checks and the
// recordings' replay (each in its version's mode), here against the in-page fake through
// jQuery: the same checks the Node suite runs over HTTP. They run before QUnit starts (they share state, in order); each
// check then becomes one QUnit test.
import {RECORDINGS, replay} from "../emulator/replay.mjs";
import {KEY, runTable, runVersions} from "../emulator/table.mjs";

QUnit.config.autostart = false;
const $ = window.jQuery;
const Fake = window.OctoPrintAccessFake;

/** Response headers as one object with lower-case names. */
function headersOf(jqXHR) {
    const headers = {};
    for (const line of jqXHR.getAllResponseHeaders().split(/\r?\n/)) {
        const at = line.indexOf(":");
        if (at > 0)
            headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
    return headers;
}

/** One request through jQuery, the path sent as given; resolves to what the table reads. */
function send(method, url, {body, key = KEY, headers = {}} = {}) {
    const data =
        body === undefined
            ? undefined
            : typeof body === "string"
              ? body
              : JSON.stringify(body);
    const all = {...headers};
    if (key !== null) all["X-Api-Key"] = key;
    return new Promise((resolve) => {
        const jqXHR = $.ajax({
            url,
            type: method,
            data,
            processData: false,
            contentType: data === undefined ? false : "application/json; charset=UTF-8",
            headers: all,
            dataType: "text"
        });
        jqXHR.always(() => {
            let json;
            try {
                json = JSON.parse(jqXHR.responseText);
            } catch {
                json = undefined;
            }
            resolve({
                status: jqXHR.status,
                headers: headersOf(jqXHR),
                text: jqXHR.responseText,
                json
            });
        });
    });
}

const api = (method, path, options) => send(method, `/api/access/${path}`, options);
// As `npm start` is: no session, so a request without a key is nobody's.
const install = (version) => Fake.install({apikey: KEY, user: null, version});

const results = [];
const check = async (name, fn) => {
    try {
        await fn();
        results.push([name, null]);
    } catch (error) {
        results.push([name, error]);
    }
};

let fake = install();
try {
    await runTable({api, check});
    await runVersions({
        fresh: async (version) => {
            fake.uninstall();
            fake = install(version);
            return api;
        },
        check
    });
    for (const {file, version} of RECORDINGS) {
        fake.uninstall();
        fake = install(version);
        const recording = await (await fetch(`data/${file}`)).json();
        const replayed = await replay(
            recording,
            async ({method, path, key, body}) => {
                const res = await send(method, path, {key, body});
                return {
                    status: res.status,
                    contentType: res.headers["content-type"],
                    json: res.json
                };
            },
            KEY
        );
        results.push([
            `the recording of ${recording.server}, replayed on version ${version}: ${replayed.matched} of ${replayed.entries} match`,
            replayed.failures.length || replayed.matched !== 65
                ? new Error(replayed.failures.join("\n"))
                : null
        ]);
    }
} finally {
    fake.uninstall();
}

QUnit.module("emulator table, in the page", function () {
    for (const [name, error] of results) {
        QUnit.test(name, function (assert) {
            assert.pushResult({result: !error, message: error ? error.message : "ok"});
        });
    }
});
QUnit.start();
