// Type tests for script-tag plugin code: the globals of a page with OctoPrint's client and this
// bundle are typed without casts once the declaration file is referenced.
/// <reference path="../../dist/globals.d.ts" />

OctoPrint.access.users.list().done((response) => response.users[0].groups);
new OctoPrintClient({baseurl: "http://octopi.local/"}).access.groups.get("admins");
const component: OctoPrintAccessClient = new OctoPrintAccessClient(OctoPrint);
component.users.get("alice");
OctoPrintClient.registerComponent("other", OctoPrintAccessClient);

try {
    OctoPrint.access.users.get("");
} catch (error) {
    if (error instanceof OctoPrintClient.InvalidArgumentError) console.log(error.message);
}

// @ts-expect-error the client's options are typed
new OctoPrintClient({baseUrl: "http://octopi.local/"});
// @ts-expect-error access is read-only
OctoPrint.access = component;

export {};
