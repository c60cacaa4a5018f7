// The embedded server (server/app.mjs) over real HTTP on a free port, in emulator mode: the
// checks of test/emulator-checks.mjs, straight at it.
import {startServer} from "../../server/app.mjs";
import {runEmulatorChecks} from "../emulator-checks.mjs";

const KEY = "EMULATOR-SUITE-ADMIN-KEY";

export default async function () {
    const server = await startServer({port: 0, apikey: KEY});
    try {
        return await runEmulatorChecks({url: server.url, key: KEY});
    } finally {
        await server.close();
    }
}
