// The emulator behind `npm start` (server/app.mjs) over real HTTP on a free port: the shared
// checks (test/emulator-checks.mjs: the table the in-page fake runs too, and what only the
// HTTP server does), each version's rules, and the replay of real OctoPrint 1.10.3, 1.11.8
// and 2.0.0rc3 servers' answers (test/data/), each in its version's mode. One named check =
// one test.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {startServer} from "../../server/app.mjs";
import {checker} from "../checks.mjs";
import {runEmulatorChecks, send} from "../emulator-checks.mjs";
import {RECORDINGS, replay} from "../emulator/replay.mjs";
import {KEY, runVersions} from "../emulator/table.mjs";

export default async function () {
    const {results, check} = checker("emulator");
    const servers = [];
    const start = async (options) => {
        const server = await startServer({port: 0, apikey: KEY, ...options});
        servers.push(server);
        return server;
    };
    const apiOf =
        ({url}) =>
        (method, path, options) =>
            send(url, method, `/api/access/${path}`, {key: KEY, ...options});

    try {
        const server = await start();
        const shared = await runEmulatorChecks({
            url: server.url,
            label: "emulator (shared)"
        });
        results.passed += shared.passed;
        results.failed += shared.failed;

        await runVersions({
            fresh: async (version) => apiOf(await start({version})),
            check
        });

        for (const {file, version} of RECORDINGS) {
            const recording = JSON.parse(
                readFileSync(new URL(`../data/${file}`, import.meta.url), "utf8")
            );
            await check(
                `the recording of ${recording.server}, replayed on version ${version}: every answer matches`,
                async () => {
                    const fresh = await start({version});
                    const result = await replay(
                        recording,
                        async ({method, path, key, body}) => {
                            const res = await send(fresh.url, method, path, {key, body});
                            return {
                                status: res.status,
                                contentType: res.headers["content-type"],
                                json: res.json
                            };
                        },
                        KEY
                    );
                    assert.equal(result.entries, 65);
                    assert.deepEqual(result.failures, []);
                    assert.equal(result.matched, 65);
                }
            );
        }

        await check("OCTOPRINT_VERSION's value is the emulator's", async () => {
            assert.equal(server.version, "1.10");
            assert.equal((await start({version: "2.0"})).version, "2.0");
        });
    } finally {
        for (const server of servers) await server.close();
    }

    console.log(`emulator: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
