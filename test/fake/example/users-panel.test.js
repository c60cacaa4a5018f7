// Its QUnit test: OctoPrint's access API answered in the page, no server, no hand-made JSON.
QUnit.module("UsersPanel", function (hooks) {
    var fake;
    hooks.beforeEach(function () {
        fake = OctoPrintAccessFake.install({
            users: [{name: "jane", password: "secret"}]
        });
    });
    hooks.afterEach(function () {
        fake.uninstall();
    });

    QUnit.test("lists the users", async function (assert) {
        var panel = new UsersPanel(OctoPrint);
        await panel.refresh();
        assert.deepEqual(panel.users, ["admin", "jane"]);
    });

    QUnit.test("adds a user", async function (assert) {
        var panel = new UsersPanel(OctoPrint);
        await panel.add("joe", "pw");
        assert.deepEqual(panel.users, ["admin", "jane", "joe"]);
        assert.strictEqual(panel.error, "");
    });

    QUnit.test(
        "says so when the name is taken (OctoPrint's 409)",
        async function (assert) {
            var panel = new UsersPanel(OctoPrint);
            await panel.add("jane", "pw").catch(function () {});
            assert.strictEqual(panel.error, 'There is a user "jane" already.');
            assert.strictEqual(fake.state().users.length, 2, "nothing was added");
        }
    );

    QUnit.test("says so when the server fails", async function (assert) {
        var panel = new UsersPanel(OctoPrint);
        fake.failNext(503);
        await panel.add("joe", "pw").catch(function () {});
        assert.strictEqual(panel.error, "Could not add joe: 503");
    });
});
