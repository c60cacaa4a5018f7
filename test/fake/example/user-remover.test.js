// Its QUnit test: the kit answers as OctoPrint 1.10+ does once the password is stale.
QUnit.module("UserRemover", function (hooks) {
    var fake;
    hooks.beforeEach(function () {
        fake = OctoPrintAccessFake.install({
            user: "jane", // the page's session: Jane, an admin with a password
            users: [
                {name: "jane", password: "secret", groups: ["admins"]},
                {name: "joe", password: "pw"}
            ]
        });
    });
    hooks.afterEach(function () {
        fake.uninstall();
    });

    var names = function () {
        return fake.state().users.map(function (user) {
            return user.name;
        });
    };

    QUnit.test(
        "password checked recently: deletes, asks nothing",
        async function (assert) {
            var remover = new UserRemover(OctoPrint, "jane", function () {
                assert.ok(false, "asked for the password");
            });
            await remover.remove("joe");
            assert.deepEqual(names(), ["admin", "jane"]);
        }
    );

    QUnit.test("password stale: asks for it, logs in, deletes", async function (assert) {
        fake.requireReauthentication(); // or install({reauthenticate: true, ...})
        var asked = 0;
        var remover = new UserRemover(OctoPrint, "jane", function () {
            asked += 1;
            return Promise.resolve("secret");
        });
        await remover.remove("joe");
        assert.strictEqual(asked, 1);
        assert.deepEqual(names(), ["admin", "jane"]);
        assert.deepEqual(
            fake.requests.map(function (request) {
                return request.method + " " + request.url;
            }),
            [
                "DELETE /api/access/users/joe",
                "POST /api/login",
                "DELETE /api/access/users/joe"
            ]
        );
    });

    QUnit.test(
        "a wrong password: nothing deleted, and it says so",
        async function (assert) {
            fake.requireReauthentication();
            var remover = new UserRemover(OctoPrint, "jane", function () {
                return Promise.resolve("wrong");
            });
            await remover.remove("joe").catch(function () {});
            assert.strictEqual(remover.error, "Could not delete joe: 403");
            assert.deepEqual(names(), ["admin", "jane", "joe"]);
        }
    );
});
