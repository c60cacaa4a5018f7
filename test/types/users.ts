// Type tests of the legacy OctoPrint.users (dist/octoprint-users.js, registerUsers): every
// method is typed and marked @deprecated (test/suites/55-types-deprecated.mjs checks that the
// compiler reports each one as deprecated here), and misuses are compile errors.
/// <reference path="../../dist/globals.d.ts" />
import {registerUsers, type OctoPrintUserClient} from "../../dist/octoprint-access.mjs";

registerUsers(OctoPrintClient);
const users: OctoPrintUserClient = OctoPrint.users;
users.base.get("api/version");

users.list().done((response) => response.users[0].name.toUpperCase());
users.get("alice", {timeout: 1}).done((user) => user.groups.join());
users.add({name: "bob", password: "pw"});
users.add({name: "bob", password: "pw", active: true, admin: false}); // pre-1.4, no groups
users.add({name: "bob", password: "pw", admin: true}, {timeout: 1});
users.update("alice", true, false, ["PRINT"], ["users"], {timeout: 1});
users.delete("alice");
users.changePassword("alice", "pw", {timeout: 1});
users.generateApiKey("alice").done((answer) => answer.apikey.length);
users.resetApiKey("alice");
users.getSettings("alice").done((settings) => settings["interface"]);
users.saveSettings("alice", {interface: {language: "de"}});

// @ts-expect-error a user name is a string
users.get(1);
// @ts-expect-error users.add needs a password
users.add({name: "bob"});
// @ts-expect-error the admin flag is a boolean
users.add({name: "bob", password: "pw", admin: "yes"});
// @ts-expect-error the 1.x order only: admin, a boolean, is third
users.update("alice", true, ["PRINT"], ["users"]);
// @ts-expect-error answers are typed: a user list is no number
users.list().done((response) => response.toFixed());
// @ts-expect-error OctoPrint.users is read-only
OctoPrint.users = users;
// @ts-expect-error registerUsers returns nothing
registerUsers(OctoPrintClient).list();
