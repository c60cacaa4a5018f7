// The test kit's package entry (octoprint-access-client/fake, dist/octoprint-access-fake.mjs
// and .cjs): install() puts OctoPrint's access API into the page, on the page's jQuery (or
// the one passed as the jQuery option); createEmulator() is the same emulator without jQuery,
// a request -> answer function (`npm start` serves it over HTTP).
import {createFakeApi} from "./fake/fake";

const api = createFakeApi(undefined);

export const install = api.install;
export const versions = api.versions;
export {createEmulator, ERROR_TEXTS, newApiKey} from "./emulator/emulator";
export type {FakeApi, FakeOptions, FakeRequest, OctoPrintAccessFake} from "./fake/fake";
export type {
    Emulator,
    EmulatorOptions,
    EmulatorRequest,
    EmulatorResponse,
    EmulatorState,
    GroupRecord,
    GroupSeed,
    Json,
    Needs,
    PasswordStore,
    PermissionData,
    UserRecord,
    UserSeed,
    Version
} from "./emulator/types";
