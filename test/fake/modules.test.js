// The fake loaded as the AMD module "OctoPrintAccessFake" (RequireJS, on "jquery") with the
// host as the AMD module "OctoPrintClient" (no globals), and as the ES module
// dist/octoprint-access-fake.mjs: each answers a client's requests, with the host given as
// the OctoPrintClient option.
/* global requirejs */
import * as esm from "../../dist/octoprint-access-fake.mjs";

QUnit.config.autostart = false;
const jquery = new URLSearchParams(location.search).get("jquery") || "4.0.0";
const JQUERY = {
    "3.5.1": "../node_modules/jquery-3.5.1/dist/jquery",
    "3.7.1": "../node_modules/jquery-3.7.1/dist/jquery",
    "4.0.0": "../node_modules/jquery/dist/jquery"
};
requirejs.config({
    paths: {
        jquery: JQUERY[jquery],
        OctoPrintClient: "../server/host/base",
        OctoPrintAccessFake: "../dist/octoprint-access-fake"
    },
    waitSeconds: 10
});

const ok = (xhr) =>
    new Promise((resolve, reject) =>
        xhr.then(resolve, () => reject(new Error(`${xhr.status}: ${xhr.responseText}`)))
    );

requirejs(
    ["OctoPrintAccessFake", "OctoPrintClient", "jquery"],
    function (Fake, Client, $) {
        QUnit.module("the fake's modules", function () {
            QUnit.test("AMD: the module, no global of its own", async function (assert) {
                assert.strictEqual(window.OctoPrintAccessFake, undefined, "no global");
                assert.strictEqual(
                    window.OctoPrint,
                    undefined,
                    "the host made none either"
                );
                assert.strictEqual($.fn.jquery, jquery);
                const fake = Fake.install({OctoPrintClient: Client, apikey: "AMD"});
                try {
                    const client = new Client({baseurl: "/printer/"});
                    const {users} = await ok(client.get("api/access/users"));
                    assert.deepEqual(
                        users.map((u) => u.name),
                        ["admin"]
                    );
                    assert.strictEqual(fake.requests[0].url, "/printer/api/access/users");
                } finally {
                    fake.uninstall();
                }
            });

            QUnit.test(
                "ES module: install, createEmulator, versions",
                async function (assert) {
                    assert.deepEqual(esm.versions, ["1.10", "1.11", "2.0"]);
                    const fake = esm.install({
                        jQuery: $,
                        OctoPrintClient: Client,
                        version: "2.0"
                    });
                    try {
                        const client = new Client({apikey: fake.apikey});
                        const admin = await ok(client.get("api/access/users/admin"));
                        assert.strictEqual(admin.has_password, true, "2.0's record");
                    } finally {
                        fake.uninstall();
                    }
                    const emulator = esm.createEmulator({apikey: "K"});
                    const answer = emulator.handle({
                        method: "GET",
                        path: "/api/access/users",
                        headers: {"X-Api-Key": "K"}
                    });
                    assert.strictEqual(answer.status, 200);
                    assert.strictEqual(answer.body.users[0].name, "admin");
                }
            );
        });
        QUnit.start();
    }
);
