/*! octoprint-access-client 1.0.0 | MIT */
;(function (global, factory) {
    if (typeof define === "function" && define.amd) {
        define("OctoPrintAccessFake", ["jquery"], factory);
    } else {
        global.OctoPrintAccessFake = factory(global.jQuery);
    }
})(this, function (jQuery) {
// OctoPrint's built-in state per version, from test/data/'s recordings.
const shared = [
{"dangerous":true,"default_groups":["admins"],"description":"Admin is allowed to do everything","key":"ADMIN","name":"Admin","needs":{"role":["admin"]}},
{"dangerous":false,"default_groups":["users","readonly"],"description":"Allows to gather basic status information, e.g. job progress, printer state, temperatures, ... Mandatory for the default UI to work","key":"STATUS","name":"Status","needs":{"role":["status"]}},
{"dangerous":false,"default_groups":["users"],"description":"Allows to connect to and disconnect from a printer","key":"CONNECTION","name":"Connection","needs":{"role":["connection"]}},
{"dangerous":false,"default_groups":["users","readonly"],"description":"Allows to watch the webcam stream","key":"WEBCAM","name":"Webcam","needs":{"role":["webcam"]}},
{"dangerous":true,"default_groups":[],"description":"Allows to run system commands, e.g. restart OctoPrint, shutdown or reboot the system, and to retrieve system and usage information","key":"SYSTEM","name":"System","needs":{"role":["system"]}},
{"dangerous":false,"default_groups":["users","readonly"],"description":"Allows to retrieve a list of all uploaded files and folders, includingtheir metadata (e.g. date, file size, analysis results, ...)","key":"FILES_LIST","name":"File List","needs":{"role":["files_list"]}},
{"dangerous":false,"default_groups":["users"],"description":"Allows users to upload new files, create new folders and copy existing ones. If the File Delete permission is also set, File Upload also allows moving files and folders.","key":"FILES_UPLOAD","name":"File Upload","needs":{"role":["files_upload"]}},
{"dangerous":false,"default_groups":["users","readonly"],"description":"Allows users to download files. The GCODE viewer is affected by this as well.","key":"FILES_DOWNLOAD","name":"File Download","needs":{"role":["files_download"]}},
{"dangerous":false,"default_groups":["users"],"description":"Allows users to delete files and folders. If the File Upload permission is also set, File Delete also allows moving files and folders.","key":"FILES_DELETE","name":"File Delete","needs":{"role":["files_delete"]}},
{"dangerous":false,"default_groups":["users"],"description":"Allows to select a file for printing","key":"FILES_SELECT","name":"File Select","needs":{"role":["files_select"]}},
{"dangerous":false,"default_groups":["users"],"description":"Allows to start, pause and cancel a print job","key":"PRINT","name":"Print","needs":{"role":["print"]}},
{"dangerous":false,"default_groups":["users","readonly"],"description":"Allows access to the GCODE viewer if the \"File Download\"permission is also set.","key":"GCODE_VIEWER","name":"GCODE viewer","needs":{"role":["gcodeviewer"]}},
{"dangerous":false,"default_groups":["users","readonly"],"description":"Allows to watch the terminal tab but not to send commands to the printer from it","key":"MONITOR_TERMINAL","name":"Terminal","needs":{"role":["monitor_terminal"]}},
{"dangerous":false,"default_groups":["users"],"description":"Allows to control of the printer by using the temperature controls,the control tab or sending commands through the terminal.","key":"CONTROL","name":"Control","needs":{"role":["control"]}},
{"dangerous":false,"default_groups":["users"],"description":"Allows to slice files","key":"SLICE","name":"Slice","needs":{"role":["slice"]}},
{"dangerous":false,"default_groups":["users","readonly"],"description":"Allows to list timelapse videos","key":"TIMELAPSE_LIST","name":"Timelapse List","needs":{"role":["timelapse_list"]}},
{"dangerous":false,"default_groups":["users","readonly"],"description":"Allows to download timelapse videos","key":"TIMELAPSE_DOWNLOAD","name":"Timelapse Download","needs":{"role":["timelapse_download"]}},
{"dangerous":false,"default_groups":["users"],"description":"Allows to delete timelapse videos","key":"TIMELAPSE_DELETE","name":"Timelapse Delete","needs":{"role":["timelapse_delete"]}},
{"dangerous":false,"default_groups":["users"],"description":"Allows to list, delete and render unrendered timelapses","key":"TIMELAPSE_MANAGE_UNRENDERED","name":"Timelapse Manage Unrendered","needs":{"role":["timelapse_manage_unrendered"]}},
{"dangerous":false,"default_groups":["users"],"description":"Allows to change the timelapse settings.","key":"TIMELAPSE_ADMIN","name":"Timelapse Admin","needs":{"role":["timelapse_admin"]}},
{"dangerous":false,"default_groups":["users","readonly"],"description":"Allows to read non sensitive settings. Mandatory for the default UI to work.","key":"SETTINGS_READ","name":"Settings Access","needs":{"role":["settings_read"]}},
{"dangerous":true,"default_groups":[],"description":"Allows to manage settings and also to read sensitive settings","key":"SETTINGS","name":"Settings Admin","needs":{"role":["settings"]}},
{"dangerous":false,"default_groups":["readonly","users","admins"],"description":"Allows to view the instance achievements & stats.","key":"PLUGIN_ACHIEVEMENTS_VIEW","name":"Achievements Plugin: View instance achievements & stats","needs":{"role":["plugin_achievements_view"]},"plugin":"achievements"},
{"dangerous":false,"default_groups":["admins"],"description":"Allows to reset the instance achievements & stats.","key":"PLUGIN_ACHIEVEMENTS_RESET","name":"Achievements Plugin: Reset instance achievements & stats","needs":{"role":["plugin_achievements_reset"]},"plugin":"achievements"},
{"dangerous":false,"default_groups":["users"],"description":"Allows to see printer notifications","key":"PLUGIN_ACTION_COMMAND_NOTIFICATION_SHOW","name":"Action Command Notification Support: Show printer notifications","needs":{"role":["plugin_action_command_notification_show"]},"plugin":"action_command_notification"},
{"dangerous":false,"default_groups":["users"],"description":"Allows to clear printer notifications","key":"PLUGIN_ACTION_COMMAND_NOTIFICATION_CLEAR","name":"Action Command Notification Support: Clear printer notifications","needs":{"role":["plugin_action_command_notification_clear"]},"plugin":"action_command_notification"},
{"dangerous":false,"default_groups":["users"],"description":"Allows to see and interact with printer prompts","key":"PLUGIN_ACTION_COMMAND_PROMPT_INTERACT","name":"Action Command Prompt Support: Interact with printer prompts","needs":{"role":["plugin_action_command_prompt_interact"]},"plugin":"action_command_prompt"},
{"dangerous":false,"default_groups":["admins"],"description":"Allows to read announcements","key":"PLUGIN_ANNOUNCEMENTS_READ","name":"Announcement Plugin: Read announcements","needs":{"role":["plugin_announcements_read"]},"plugin":"announcements"},
{"dangerous":false,"default_groups":["admins"],"description":"Allows to manage announcement subscriptions. Includes \"Read announcements\" permission","key":"PLUGIN_ANNOUNCEMENTS_MANAGE","name":"Announcement Plugin: Manage announcement subscriptions","needs":{"role":["plugin_announcements_read","plugin_announcements_manage"]},"plugin":"announcements"},
{"dangerous":true,"default_groups":["admins"],"description":"Allows administrating all application keys","key":"PLUGIN_APPKEYS_ADMIN","name":"Application Keys Plugin: Admin access","needs":{"role":["plugin_appkeys_admin"]},"plugin":"appkeys"},
{"dangerous":false,"default_groups":["users"],"description":"Allows to grant app access","key":"PLUGIN_APPKEYS_GRANT","name":"Application Keys Plugin: Grant access","needs":{"role":["plugin_appkeys_user"]},"plugin":"appkeys"},
{"dangerous":false,"default_groups":["admins"],"description":"Allows to trigger the creation of backups","key":"PLUGIN_BACKUP_CREATE","name":"Backup & Restore: Create backup","needs":{"role":["plugin_backup_create"]},"plugin":"backup"},
{"dangerous":false,"default_groups":["admins"],"description":"Allows to download and delete log files and list and set log levels.","key":"PLUGIN_LOGGING_MANAGE","name":"Logging: Logging management","needs":{"role":["plugin_logging_manage"]},"plugin":"logging"},
{"dangerous":false,"default_groups":["readonly","users","admins"],"description":"Allows to list installed plugins.","key":"PLUGIN_PLUGINMANAGER_LIST","name":"Plugin Manager: List plugins","needs":{"role":["plugin_pluginmanager_list"]},"plugin":"pluginmanager"},
{"dangerous":false,"default_groups":["admins"],"description":"Allows to enable, disable and uninstall installed plugins.","key":"PLUGIN_PLUGINMANAGER_MANAGE","name":"Plugin Manager: Manage plugins","needs":{"role":["plugin_pluginmanager_manage"]},"plugin":"pluginmanager"},
{"dangerous":true,"default_groups":["admins"],"description":"Allows to install new plugins. Includes the \"Manage plugins\" permission.","key":"PLUGIN_PLUGINMANAGER_INSTALL","name":"Plugin Manager: Install new plugins","needs":{"role":["plugin_pluginmanager_install","plugin_pluginmanager_manage"]},"plugin":"pluginmanager"},
{"dangerous":false,"default_groups":["users"],"description":"Allows to check for software updates","key":"PLUGIN_SOFTWAREUPDATE_CHECK","name":"Software Update: Check","needs":{"role":["plugin_softwareupdate_check"]},"plugin":"softwareupdate"},
{"dangerous":true,"default_groups":["admins"],"description":"Allows to perform software updates","key":"PLUGIN_SOFTWAREUPDATE_UPDATE","name":"Software Update: Update","needs":{"role":["plugin_softwareupdate_update"]},"plugin":"softwareupdate"},
{"dangerous":true,"default_groups":["admins"],"description":"Allows to configure software update","key":"PLUGIN_SOFTWAREUPDATE_CONFIGURE","name":"Software Update: Configure","needs":{"role":["plugin_softwareupdate_configure"]},"plugin":"softwareupdate"},
{"changeable":false,"default":false,"description":"Administrators","key":"admins","name":"Admins","permissions":["ADMIN","PLUGIN_ACHIEVEMENTS_VIEW","PLUGIN_ACHIEVEMENTS_RESET","PLUGIN_ANNOUNCEMENTS_READ","PLUGIN_ANNOUNCEMENTS_MANAGE","PLUGIN_APPKEYS_ADMIN","PLUGIN_BACKUP_CREATE","PLUGIN_LOGGING_MANAGE","PLUGIN_PLUGINMANAGER_LIST","PLUGIN_PLUGINMANAGER_MANAGE","PLUGIN_PLUGINMANAGER_INSTALL","PLUGIN_SOFTWAREUPDATE_UPDATE","PLUGIN_SOFTWAREUPDATE_CONFIGURE"],"removable":false,"subgroups":[],"toggleable":true},
{"changeable":true,"default":true,"description":"Group to gain operator access","key":"users","name":"Operator","permissions":["STATUS","CONNECTION","WEBCAM","FILES_LIST","FILES_UPLOAD","FILES_DOWNLOAD","FILES_DELETE","FILES_SELECT","PRINT","GCODE_VIEWER","MONITOR_TERMINAL","CONTROL","SLICE","TIMELAPSE_LIST","TIMELAPSE_DOWNLOAD","TIMELAPSE_DELETE","TIMELAPSE_MANAGE_UNRENDERED","TIMELAPSE_ADMIN","SETTINGS_READ","PLUGIN_ACHIEVEMENTS_VIEW","PLUGIN_ACTION_COMMAND_NOTIFICATION_SHOW","PLUGIN_ACTION_COMMAND_NOTIFICATION_CLEAR","PLUGIN_ACTION_COMMAND_PROMPT_INTERACT","PLUGIN_APPKEYS_GRANT","PLUGIN_PLUGINMANAGER_LIST","PLUGIN_SOFTWAREUPDATE_CHECK"],"removable":false,"subgroups":[],"toggleable":true},
{"changeable":true,"default":false,"description":"Anyone who is not currently logged in","key":"guests","name":"Guests","permissions":[],"removable":false,"subgroups":[],"toggleable":false},
{"changeable":false,"default":false,"description":"Group to gain read-only access","key":"readonly","name":"Read-only Access","permissions":["STATUS","WEBCAM","FILES_LIST","FILES_DOWNLOAD","GCODE_VIEWER","MONITOR_TERMINAL","TIMELAPSE_LIST","TIMELAPSE_DOWNLOAD","SETTINGS_READ","PLUGIN_ACHIEVEMENTS_VIEW","PLUGIN_PLUGINMANAGER_LIST"],"removable":false,"subgroups":[],"toggleable":true},
{"dangerous":false,"default_groups":["users","admins"],"description":"Allows to run File Check and view the results.","key":"PLUGIN_FILE_CHECK_RUN","name":"File Check: Run File Check","needs":{"role":["plugin_file_check_run"]},"plugin":"file_check"},
{"dangerous":false,"default_groups":["users"],"description":"Allows to see firmware check warnings","key":"PLUGIN_FIRMWARE_CHECK_DISPLAY","name":"Firmware Check: Display firmware check warnings","needs":{"role":["plugin_firmware_check_display"]},"plugin":"firmware_check"},
{"dangerous":false,"default_groups":["admins"],"description":"Allows to perform health checks and view their results","key":"PLUGIN_HEALTH_CHECK_CHECK","name":"Healthcheck Plugin: Perform healthchecks","needs":{"role":["plugin_health_check_check"]},"plugin":"health_check"},
{"changeable":false,"default":false,"description":"Administrators","key":"admins","name":"Admins","permissions":["ADMIN","PLUGIN_ACHIEVEMENTS_VIEW","PLUGIN_ACHIEVEMENTS_RESET","PLUGIN_ANNOUNCEMENTS_READ","PLUGIN_ANNOUNCEMENTS_MANAGE","PLUGIN_APPKEYS_ADMIN","PLUGIN_BACKUP_CREATE","PLUGIN_FILE_CHECK_RUN","PLUGIN_HEALTH_CHECK_CHECK","PLUGIN_LOGGING_MANAGE","PLUGIN_PLUGINMANAGER_LIST","PLUGIN_PLUGINMANAGER_MANAGE","PLUGIN_PLUGINMANAGER_INSTALL","PLUGIN_SOFTWAREUPDATE_UPDATE","PLUGIN_SOFTWAREUPDATE_CONFIGURE"],"removable":false,"subgroups":[],"toggleable":true},
{"changeable":true,"default":true,"description":"Group to gain operator access","key":"users","name":"Operator","permissions":["STATUS","CONNECTION","WEBCAM","FILES_LIST","FILES_UPLOAD","FILES_DOWNLOAD","FILES_DELETE","FILES_SELECT","PRINT","GCODE_VIEWER","MONITOR_TERMINAL","CONTROL","SLICE","TIMELAPSE_LIST","TIMELAPSE_DOWNLOAD","TIMELAPSE_DELETE","TIMELAPSE_MANAGE_UNRENDERED","TIMELAPSE_ADMIN","SETTINGS_READ","PLUGIN_ACHIEVEMENTS_VIEW","PLUGIN_ACTION_COMMAND_NOTIFICATION_SHOW","PLUGIN_ACTION_COMMAND_NOTIFICATION_CLEAR","PLUGIN_ACTION_COMMAND_PROMPT_INTERACT","PLUGIN_APPKEYS_GRANT","PLUGIN_FILE_CHECK_RUN","PLUGIN_FIRMWARE_CHECK_DISPLAY","PLUGIN_PLUGINMANAGER_LIST","PLUGIN_SOFTWAREUPDATE_CHECK"],"removable":false,"subgroups":[],"toggleable":true},
{"dangerous":false,"default_groups":["users","readonly"],"description":"Allows to retrieve a list of all uploaded files and folders, including their metadata (e.g. date, file size, analysis results, ...)","key":"FILES_LIST","name":"File List","needs":{"role":["files_list"]}},
{"dangerous":false,"default_groups":["users","readonly"],"description":"Allows access to the GCODE viewer if the \"File Download\" permission is also set.","key":"GCODE_VIEWER","name":"GCODE viewer","needs":{"role":["gcodeviewer"]}},
{"dangerous":false,"default_groups":["users"],"description":"Allows to control of the printer by using the temperature controls, the control tab or sending commands through the terminal.","key":"CONTROL","name":"Control","needs":{"role":["control"]}}
];
const pick = (indexes) => indexes.map((i) => shared[i]);
var BUILTIN = {
    "1.10": {
        permissions: pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38]),
        groups: pick([39, 40, 41, 42]),
        adminGroups: ["users","admins"]
    },
    "1.11": {
        permissions: pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 43, 44, 45, 32, 33, 34, 35, 36, 37, 38]),
        groups: pick([46, 47, 41, 42]),
        adminGroups: ["users","admins"]
    },
    "2.0": {
        permissions: pick([0, 1, 2, 3, 4, 48, 6, 7, 8, 9, 10, 49, 12, 50, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 43, 44, 45, 32, 33, 34, 35, 36, 37, 38]),
        groups: pick([46, 47, 41, 42]),
        adminGroups: ["users","admins"]
    }
};

// An in-memory emulator of OctoPrint's access API, as one request -> answer function with no
// transport and no Node or browser API in it: `npm start` (server/app.mjs) serves it over
// HTTP, the in-page fake (src/fake/) answers jQuery's requests with it.
//
// The rules are OctoPrint's, as real 1.10.3, 1.11.8 and 2.0.0rc3 servers answered them
// (test/data/ holds their recordings, which the tests replay; each version's built-in
// permissions and groups come from its recording): their error texts, their 500s, their
// record shapes. `version` says whose rules apply. Where the recordings are silent and
// OctoPrint would crash on odd input (a string where a list belongs, a body that is not an
// object), this answers a 400 instead.
const VERSIONS = ["1.10", "1.11", "2.0"];
/** The texts of OctoPrint's (Werkzeug's) error answers that carry no message of their own. */
const ERROR_TEXTS = {
    400: "The browser (or proxy) sent a request that this server could not understand.",
    401: "The server could not verify that you are authorized to access the URL requested. " +
        "You either supplied the wrong credentials (e.g. a bad password), or your browser " +
        "doesn't understand how to supply the credentials required.",
    403: "You don't have the permission to access the requested resource. It is either " +
        "read-protected or not readable by the server.",
    404: "The requested URL was not found on the server. If you entered the URL manually " +
        "please check your spelling and try again.",
    405: "The method is not allowed for the requested URL.",
    409: "A conflict happened while processing the request. The resource might have been " +
        "modified while the request was being processed.",
    413: "The data value transmitted exceeds the capacity limit.",
    500: "The server encountered an internal error and was unable to complete your request. " +
        "Either the server is overloaded or there is an error in the application.",
    502: "The proxy server received an invalid response from an upstream server.",
    503: "The server is temporarily unable to service your request due to maintenance " +
        "downtime or capacity problems. Please try again later.",
    504: "The connection to an upstream server timed out."
};
// OctoPrint parses flags with `value in valid_boolean_trues`: anything else is false.
const TRUES = [true, 1, "true", "yes", "y", "1"];
const isTrue = (value) => TRUES.indexOf(value) >= 0;
const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const copy = (value) => JSON.parse(JSON.stringify(value));
const unique = (values) => values.filter((value, i) => values.indexOf(value) === i);
class HttpError {
    constructor(status, message, headers = {}) {
        this.status = status;
        this.message = message;
        this.headers = headers;
    }
}
function fail$1(status, message, headers) {
    throw new HttpError(status, message || ERROR_TEXTS[status], headers);
}
/**
 * The one place a request path is decoded: once, before it is split, as OctoPrint's server
 * does. `%20`, `%23`, `%C3%BC` work, `+` stays a plus, and `%2F` becomes a separator, so a
 * name containing `/` cannot be addressed (its request matches no route, or another one).
 */
function pathSegments(rawPath) {
    let path;
    try {
        path = decodeURIComponent(rawPath.split("?")[0]);
    }
    catch (_a) {
        return fail$1(400, "The request path is not validly percent-encoded");
    }
    return path.split("/").slice(1);
}
/** 32 random upper-case hex digits, as OctoPrint's keys are. */
function newApiKey() {
    const bytes = new Uint8Array(16);
    const crypto = globalThis.crypto;
    if (crypto && crypto.getRandomValues)
        crypto.getRandomValues(bytes);
    else
        for (let i = 0; i < bytes.length; i++)
            bytes[i] = Math.floor(Math.random() * 256);
    let key = "";
    for (let i = 0; i < bytes.length; i++)
        key += (bytes[i] + 256).toString(16).slice(1);
    return key.toUpperCase();
}
/** Passwords kept as given, in this closure only; records never show them. */
const memoryPasswords = {
    hash: (password) => ({ password }),
    check: (stored, password) => isObject(stored) && stored.password === password
};
/** Throws a clear error about a seed; `where` says which one ("users[2]"). */
function seedError(where, message) {
    throw new Error(`${where}: ${message}`);
}
function checkKeys(where, value, known) {
    if (!isObject(value))
        seedError(where, "must be an object");
    for (const key of Object.keys(value)) {
        if (known.indexOf(key) < 0) {
            seedError(where, `unknown member "${key}" (known: ${known.join(", ")})`);
        }
    }
}
function checkList(where, value, known) {
    if (!Array.isArray(value) || !value.every((key) => typeof key === "string")) {
        return seedError(where, "must be a list of keys");
    }
    for (const key of value) {
        if (!known(key))
            seedError(where, `unknown key "${key}"`);
    }
    return unique(value);
}
/** A fresh emulator with OctoPrint's built-in state, the admin and the seeds. */
function createEmulator(options = {}) {
    checkKeys("options", options, [
        "version",
        "apikey",
        "sessionUser",
        "users",
        "groups",
        "newApiKey",
        "passwords",
        "reauthenticate"
    ]);
    const version = options.version === undefined ? "1.10" : options.version;
    if (VERSIONS.indexOf(version) < 0) {
        seedError("version", `must be one of ${VERSIONS.join(", ")}, not ${String(version)}`);
    }
    const makeKey = options.newApiKey || newApiKey;
    const passwords = options.passwords || memoryPasswords;
    const apikey = options.apikey === undefined ? makeKey() : options.apikey;
    if (typeof apikey !== "string" || !apikey) {
        seedError("apikey", "must be a non-empty string");
    }
    const builtin = BUILTIN[version];
    const permissions = {};
    for (const permission of builtin.permissions) {
        permissions[permission.key] = copy(permission);
    }
    const groups = new Map();
    for (const group of builtin.groups)
        groups.set(group.key, copy(group));
    const users = new Map();
    users.set("admin", {
        name: "admin",
        active: true,
        permissions: [],
        groups: builtin.adminGroups.slice(),
        apikey,
        settings: {},
        // The one set up in OctoPrint's wizard, which no test knows: the admin logs in with
        // its API key (or as the session).
        password: passwords.hash(newApiKey())
    });
    const isPermission = (key) => hasOwn(permissions, key);
    const isGroup = (key) => groups.has(key);
    const defaultGroups = () => Array.from(groups.values())
        .filter((group) => group.default)
        .map((group) => group.key);
    // OctoPrint keeps a user's groups as a set, so their order is a set's: 1.10.3 and 1.11.8
    // listed a new user's default groups in the groups' order, 2.0.0rc3 in key order. Every
    // list of a user's groups here follows its version's.
    const groupOrder = (keys) => version === "2.0" ? keys.slice().sort() : keys;
    // ~~ seeds: clear errors, never silently dropped keys
    const groupSeeds = options.groups === undefined ? [] : options.groups;
    if (!Array.isArray(groupSeeds))
        seedError("groups", "must be a list");
    groupSeeds.forEach((seed, i) => {
        const where = `groups[${i}]`;
        checkKeys(where, seed, [
            "key",
            "name",
            "description",
            "permissions",
            "subgroups",
            "default"
        ]);
        if (typeof seed.key !== "string" || !seed.key) {
            seedError(where, "key must be a non-empty string");
        }
        if (groups.has(seed.key))
            seedError(where, `group "${seed.key}" exists already`);
        if (typeof seed.name !== "string" || !seed.name) {
            seedError(where, "name must be a non-empty string");
        }
        if (seed.description !== undefined && typeof seed.description !== "string") {
            seedError(where, "description must be a string");
        }
        if (seed.default !== undefined && typeof seed.default !== "boolean") {
            seedError(where, "default must be true or false");
        }
        groups.set(seed.key, {
            key: seed.key,
            name: seed.name,
            description: seed.description || "",
            permissions: checkList(`${where}.permissions`, seed.permissions || [], isPermission),
            subgroups: [], // below, once every seeded group exists
            default: seed.default === true,
            removable: true,
            changeable: true,
            toggleable: true
        });
    });
    groupSeeds.forEach((seed, i) => {
        const group = groups.get(seed.key);
        group.subgroups = checkList(`groups[${i}].subgroups`, seed.subgroups || [], isGroup);
        if (closesCycle(group.key, group.subgroups)) {
            seedError(`groups[${i}].subgroups`, "would make a cycle of subgroups");
        }
    });
    const userSeeds = options.users === undefined ? [] : options.users;
    if (!Array.isArray(userSeeds))
        seedError("users", "must be a list");
    userSeeds.forEach((seed, i) => {
        const where = `users[${i}]`;
        checkKeys(where, seed, [
            "name",
            "password",
            "active",
            "groups",
            "permissions",
            "apikey",
            "settings"
        ]);
        const { name, password } = seed;
        if (typeof name !== "string" || !name || name.trim() !== name) {
            seedError(where, "name must be a non-empty string without outer whitespace");
        }
        if (users.has(name))
            seedError(where, `user "${name}" exists already`);
        if (typeof password !== "string" || !password) {
            seedError(where, "password must be a non-empty string");
        }
        if (seed.active !== undefined && typeof seed.active !== "boolean") {
            seedError(where, "active must be true or false");
        }
        const key = seed.apikey === undefined ? null : seed.apikey;
        if (key !== null && (typeof key !== "string" || !key)) {
            seedError(where, "apikey must be a non-empty string or null");
        }
        if (key !== null && findByKey(key))
            seedError(where, "apikey is taken");
        if (seed.settings !== undefined && !isObject(seed.settings)) {
            seedError(where, "settings must be an object");
        }
        users.set(name, {
            name,
            active: seed.active !== false,
            permissions: checkList(`${where}.permissions`, seed.permissions || [], isPermission),
            groups: groupOrder(seed.groups === undefined
                ? defaultGroups()
                : checkList(`${where}.groups`, seed.groups, isGroup)),
            apikey: key,
            settings: copy(seed.settings || {}),
            password: passwords.hash(password)
        });
    });
    // `let`: POST api/login logs the session in as another user (see the session's block below).
    let sessionUser = options.sessionUser === undefined ? null : options.sessionUser;
    if (sessionUser !== null &&
        (typeof sessionUser !== "string" || !users.has(sessionUser))) {
        seedError("sessionUser", `must be null or the name of a user, not ${sessionUser}`);
    }
    // ~~ records as OctoPrint's server reports them
    /** A list of permission keys with ADMIN standing for all of them, as OctoPrint reads it. */
    const expand = (keys) => keys.indexOf("ADMIN") >= 0 ? Object.keys(permissions) : keys;
    function addNeeds(into, more) {
        const add = (values, kind) => {
            const set = into.get(kind) || new Set();
            into.set(kind, set);
            for (const value of Array.from(values))
                set.add(value);
        };
        if (more instanceof Map)
            more.forEach(add);
        else
            for (const kind of Object.keys(more))
                add(more[kind], kind);
        return into;
    }
    const listed = (sets) => {
        const needs = {};
        sets.forEach((set, kind) => (needs[kind] = Array.from(set).sort()));
        return needs;
    };
    function permissionNeeds(keys) {
        const needs = new Map();
        for (const key of expand(keys)) {
            if (isPermission(key))
                addNeeds(needs, permissions[key].needs);
        }
        return needs;
    }
    /** A group's needs: its own group need, its permissions', its subgroups' (recursively). */
    function groupNeeds(key, seen = []) {
        const known = memo && !seen.length && memo.get(key);
        if (known)
            return known;
        const group = groups.get(key);
        if (!group || seen.indexOf(key) >= 0)
            return new Map();
        seen.push(key);
        const needs = addNeeds(new Map([["group", new Set([key])]]), permissionNeeds(group.permissions));
        for (const sub of group.subgroups)
            addNeeds(needs, groupNeeds(sub, seen));
        if (memo && seen.length === 1)
            memo.set(key, needs);
        return needs;
    }
    // Each group's needs, kept while one list of records is made (nothing changes meanwhile):
    // the 200 users of a list mostly share a few groups.
    let memo = null;
    function listing(make) {
        memo = new Map();
        try {
            return make();
        }
        finally {
            memo = null;
        }
    }
    /** Whether giving `key` these subgroups closes a cycle (itself included). */
    function closesCycle(key, subgroups) {
        const seen = [];
        const reaches = (from) => {
            if (from === key)
                return true;
            if (seen.indexOf(from) >= 0)
                return false;
            seen.push(from);
            const group = groups.get(from);
            return !!group && group.subgroups.some(reaches);
        };
        return subgroups.some(reaches);
    }
    const userNeeds = (user) => user.groups.reduce((needs, key) => addNeeds(needs, groupNeeds(key)), permissionNeeds(user.permissions));
    const isAdmin = (user) => {
        if (user === null)
            return false;
        const roles = userNeeds(user).get("role");
        return !!roles && roles.has("admin");
    };
    const groupRecord = (group) => {
        const record = copy(group);
        record.needs = listed(groupNeeds(group.key));
        record.dangerous = expand(group.permissions).some((key) => isPermission(key) && permissions[key].dangerous);
        return record;
    };
    const userRecord = (user) => {
        const record = {
            name: user.name,
            active: user.active,
            permissions: user.permissions.slice(),
            groups: user.groups.slice(),
            needs: listed(userNeeds(user)),
            apikey: user.apikey,
            settings: copy(user.settings)
        };
        if (version === "2.0") {
            record.has_password = true; // every user here has one
        }
        else {
            const admin = isAdmin(user);
            record.admin = admin;
            record.user = true;
            record.roles = admin ? ["user", "admin"] : ["user"];
        }
        return record;
    };
    const groupList = () => listing(() => ({
        groups: Array.from(groups.values()).map(groupRecord)
    }));
    const userList = () => listing(() => ({
        users: Array.from(users.values()).map(userRecord)
    }));
    // ~~ request helpers
    function findByKey(key) {
        return Array.from(users.values()).filter((u) => u.apikey === key)[0];
    }
    /** The user a request is logged in as: its X-Api-Key's, else the session's; or null. */
    function authenticate(key) {
        if (key === undefined || key === "") {
            const session = sessionUser === null ? undefined : users.get(sessionUser);
            return session && session.active ? session : null;
        }
        const user = findByKey(key);
        // 1.11 and 2.0 answer an unknown key with Werkzeug's text for a 403.
        if (!user)
            fail$1(403, version === "1.10" ? "Invalid API key" : undefined);
        return user.active ? user : null; // a deactivated user's key logs nobody in
    }
    function requireAdmin(ctx) {
        if (!isAdmin(ctx.user))
            fail$1(403);
    }
    function requireSelfOrAdmin(ctx) {
        if (!(isAdmin(ctx.user) || (ctx.user && ctx.user.name === ctx.id)))
            fail$1(403);
    }
    /** The JSON body; not JSON at all is Werkzeug's 400. */
    function json(ctx) {
        try {
            return JSON.parse(ctx.body);
        }
        catch (_a) {
            return fail$1(400);
        }
    }
    /**
     * The JSON body as an object. A body that is JSON but not an object reads as {} (so its
     * endpoint's first required member is "missing"), or is a 400 where nothing is required.
     */
    function jsonObject(ctx, required) {
        const data = json(ctx);
        if (isObject(data))
            return data;
        return required ? {} : fail$1(400);
    }
    /** A list of keys from a request: keys that are not `known` are dropped, as OctoPrint does. */
    function keyList(value, member, known) {
        if (!Array.isArray(value) || !value.every((key) => typeof key === "string")) {
            fail$1(400, `${member} must be a list of keys, not ${JSON.stringify(value)}`);
        }
        return unique(value).filter(known);
    }
    const findUser = (name) => users.get(name) || fail$1(404);
    const findGroup = (key) => groups.get(key) || fail$1(404);
    // ~~ the endpoints, one function each
    const listPermissions = () => ({
        permissions: Object.keys(permissions).map((key) => copy(permissions[key]))
    });
    const listGroups = (ctx) => {
        requireAdmin(ctx);
        return groupList();
    };
    const addGroup = (ctx) => {
        requireAdmin(ctx);
        const data = jsonObject(ctx, true);
        if (!hasOwn(data, "key"))
            fail$1(400, "key is missing");
        if (!hasOwn(data, "name"))
            fail$1(400, "name is missing");
        if (!hasOwn(data, "permissions"))
            fail$1(400, "permissions are missing");
        // 1.10 reads data["subgroups"] unchecked: absent is a KeyError, null fails later.
        if (!hasOwn(data, "subgroups")) {
            if (version === "1.10")
                fail$1(500);
            fail$1(400, "subgroups are missing");
        }
        const { key, name } = data;
        if (typeof key !== "string" || !key)
            fail$1(400, "key must be a non-empty string");
        if (typeof name !== "string" || !name)
            fail$1(400, "name must be a non-empty string");
        const perms = data.permissions === null
            ? []
            : keyList(data.permissions, "permissions", isPermission);
        if (data.subgroups === null)
            fail$1(500);
        const given = keyList(data.subgroups, "subgroups", (sub) => isGroup(sub) || sub === key);
        if (version === "2.0" && given.indexOf(key) >= 0)
            fail$1(409);
        if (groups.has(key))
            fail$1(409);
        groups.set(key, {
            key,
            name,
            description: data.description == null ? "" : String(data.description),
            permissions: perms,
            subgroups: given.filter(isGroup),
            default: isTrue(data.default),
            removable: true,
            changeable: true,
            toggleable: true
        });
        return groupList();
    };
    const getGroup = (ctx) => {
        requireAdmin(ctx);
        return groupRecord(findGroup(ctx.id));
    };
    const updateGroup = (ctx) => {
        requireAdmin(ctx);
        const data = jsonObject(ctx, false);
        const group = findGroup(ctx.id);
        if (!group.changeable)
            fail$1(403);
        // null lists: left unchanged; default: a flag, so null is false (OctoPrint's rules).
        const perms = data.permissions == null
            ? null
            : keyList(data.permissions, "permissions", isPermission);
        const subgroups = data.subgroups == null ? null : keyList(data.subgroups, "subgroups", isGroup);
        if (subgroups && closesCycle(group.key, subgroups)) {
            // 1.10 and 1.11 recurse until they crash; 2.0 refuses it.
            fail$1(version === "2.0" ? 409 : 500);
        }
        if (perms)
            group.permissions = perms;
        if (subgroups)
            group.subgroups = subgroups;
        if (hasOwn(data, "default"))
            group.default = isTrue(data.default);
        if (hasOwn(data, "description")) {
            group.description = data.description == null ? "" : String(data.description);
        }
        return groupList();
    };
    const deleteGroup = (ctx) => {
        requireAdmin(ctx);
        const group = findGroup(ctx.id);
        if (!group.removable)
            fail$1(403);
        groups.delete(group.key);
        // Nothing keeps pointing at a removed group.
        users.forEach((user) => {
            user.groups = user.groups.filter((key) => key !== group.key);
        });
        groups.forEach((other) => {
            other.subgroups = other.subgroups.filter((key) => key !== group.key);
        });
        return groupList();
    };
    const listUsers = (ctx) => {
        requireAdmin(ctx);
        return userList();
    };
    const addUser = (ctx) => {
        requireAdmin(ctx);
        const data = jsonObject(ctx, true);
        if (!hasOwn(data, "name"))
            fail$1(400, "name is missing");
        if (!hasOwn(data, "password"))
            fail$1(400, "password is missing");
        if (!hasOwn(data, "active"))
            fail$1(400, "active is missing");
        const { name, password } = data;
        if (typeof name !== "string" || !name || name.trim() !== name) {
            fail$1(400, "Username invalid");
        }
        if (typeof password !== "string" || !password) {
            fail$1(400, "password must be a non-empty string");
        }
        // Absent or null groups: the default groups; absent or null permissions: none.
        const userGroups = data.groups == null
            ? defaultGroups()
            : keyList(data.groups, "groups", isGroup);
        const userPermissions = data.permissions == null
            ? []
            : keyList(data.permissions, "permissions", isPermission);
        if (users.has(name))
            fail$1(409);
        users.set(name, {
            name,
            active: isTrue(data.active),
            permissions: userPermissions,
            groups: groupOrder(userGroups),
            apikey: null,
            settings: {},
            password: passwords.hash(password)
        });
        return userList();
    };
    const getUser = (ctx) => {
        requireSelfOrAdmin(ctx);
        return userRecord(findUser(ctx.id));
    };
    const updateUser = (ctx) => {
        requireAdmin(ctx);
        const user = findUser(ctx.id);
        const data = jsonObject(ctx, false);
        // In OctoPrint's order: groups, permissions, active. A null list is a crash (500)
        // at its turn; a list of the wrong kind is refused before anything changes.
        const changes = {};
        if (hasOwn(data, "groups") && data.groups !== null) {
            changes.groups = keyList(data.groups, "groups", isGroup);
        }
        if (hasOwn(data, "permissions") && data.permissions !== null) {
            changes.permissions = keyList(data.permissions, "permissions", isPermission);
        }
        if (hasOwn(data, "groups")) {
            if (!changes.groups)
                fail$1(500);
            user.groups = groupOrder(changes.groups);
        }
        if (hasOwn(data, "permissions")) {
            if (!changes.permissions)
                fail$1(500);
            user.permissions = changes.permissions;
        }
        if (hasOwn(data, "active"))
            user.active = isTrue(data.active);
        return userList();
    };
    const deleteUser = (ctx) => {
        requireAdmin(ctx);
        const user = findUser(ctx.id);
        if (user === ctx.user)
            fail$1(400, "You cannot delete yourself");
        users.delete(user.name);
        return userList();
    };
    const changePassword = (ctx) => {
        requireSelfOrAdmin(ctx);
        const data = jsonObject(ctx, true);
        const password = data.password;
        if (typeof password !== "string" || !password)
            fail$1(400, "new password is missing");
        // Users changing their own password prove it with `current`; an admin need not,
        // but a `current` an admin sends is checked too (as OctoPrint does).
        if (!isAdmin(ctx.user) || hasOwn(data, "current")) {
            const current = data.current;
            if (typeof current !== "string" || !current) {
                // 2.0 answers 403 here too: no proof, no change.
                if (version === "2.0")
                    fail$1(403, "Invalid current password");
                fail$1(400, "current password is missing");
            }
            const user = users.get(ctx.id);
            if (!user || !passwords.check(user.password, current)) {
                fail$1(403, "Invalid current password");
            }
        }
        findUser(ctx.id).password = passwords.hash(password);
        return {};
    };
    const getSettings = (ctx) => {
        requireSelfOrAdmin(ctx);
        return copy(findUser(ctx.id).settings);
    };
    /** OctoPrint sets each top-level member of the body: a member replaces, never merges. */
    const saveSettings = (ctx) => {
        requireSelfOrAdmin(ctx);
        const data = jsonObject(ctx, false);
        const user = findUser(ctx.id);
        for (const key of Object.keys(data)) {
            // defineProperty, not assignment: a "__proto__" key must stay a plain member.
            Object.defineProperty(user.settings, key, {
                value: copy(data[key]),
                enumerable: true,
                writable: true,
                configurable: true
            });
        }
        return {};
    };
    const generateApiKey = (ctx) => {
        requireSelfOrAdmin(ctx);
        const user = findUser(ctx.id);
        user.apikey = makeKey();
        return { apikey: user.apikey };
    };
    const deleteApiKey = (ctx) => {
        requireSelfOrAdmin(ctx);
        findUser(ctx.id).apikey = null;
        return {};
    };
    // ~~ the session (OctoPrint 1.10+): credentials checked recently, and POST api/login
    // Only an emulator with a session (the in-page fake's `user`) has a login: over HTTP
    // (`npm start`) requests log in with API keys only, and a login must not make every
    // keyless request somebody's.
    const hasSession = options.sessionUser !== undefined;
    if (options.reauthenticate !== undefined &&
        typeof options.reauthenticate !== "boolean") {
        seedError("reauthenticate", "must be true or false");
    }
    let checkedRecently = !options.reauthenticate;
    const REAUTHENTICATE = "Please reauthenticate with your credentials";
    /** What OctoPrint refuses a session whose credentials were not checked recently. */
    const RECENT = {
        groups: ["POST"],
        "groups/:id": ["PUT", "DELETE"],
        users: ["POST"],
        "users/:id": ["PUT", "DELETE"],
        "users/:id/apikey": ["POST", "DELETE"],
        // these two only when an admin acts on another user
        "users/:id/password": ["PUT"],
        "users/:id/settings": ["PATCH"]
    };
    /**
     * 403 for a request the session may make but only with credentials checked recently.
     * Requests it may not make at all get the endpoint's own 403.
     */
    function requireRecentCredentials(route, method, ctx) {
        const user = ctx.user;
        if (checkedRecently || !user || (RECENT[route] || []).indexOf(method) < 0)
            return;
        const self = user.name === ctx.id;
        const allowed = isAdmin(user) || (self && route.indexOf("users/:id/") === 0);
        const onOthersOnly = /password|settings/.test(route);
        if (allowed && !(onOthersOnly && self))
            fail$1(403, REAUTHENTICATE);
    }
    /** Records read by such a session show no API key. */
    function hideApiKeys(route, body) {
        if (checkedRecently || (route !== "users" && route !== "users/:id"))
            return;
        const records = (route === "users" ? body.users : [body]);
        for (const record of records)
            record.apikey = null;
    }
    /** POST api/login {user, pass}: the session is that user's, checked now. */
    const login = (ctx) => {
        const data = jsonObject(ctx, true);
        if (typeof data.user !== "string" || typeof data.pass !== "string")
            fail$1(400);
        const user = users.get(data.user);
        if (!user || !user.active || !passwords.check(user.password, data.pass)) {
            fail$1(403);
        }
        sessionUser = user.name;
        checkedRecently = true;
        return userRecord(user);
    };
    // Paths below /api/access/; ":id" is one non-empty segment (a user name or group key).
    const ROUTES = [
        [["permissions"], { GET: listPermissions }],
        [["groups"], { GET: listGroups, POST: addGroup }],
        [["groups", ":id"], { GET: getGroup, PUT: updateGroup, DELETE: deleteGroup }],
        [["users"], { GET: listUsers, POST: addUser }],
        [["users", ":id"], { GET: getUser, PUT: updateUser, DELETE: deleteUser }],
        [["users", ":id", "password"], { PUT: changePassword }],
        [["users", ":id", "settings"], { GET: getSettings, PATCH: saveSettings }],
        [["users", ":id", "apikey"], { POST: generateApiKey, DELETE: deleteApiKey }]
    ];
    function route(segments) {
        if (hasSession && segments.join("/") === "api/login") {
            return { methods: { POST: login }, id: "", pattern: "login" };
        }
        if (segments[0] !== "api" || segments[1] !== "access")
            return null;
        const rest = segments.slice(2);
        for (const [pattern, methods] of ROUTES) {
            if (pattern.length !== rest.length)
                continue;
            const matches = pattern.every((part, i) => part === ":id" ? rest[i] !== "" : part === rest[i]);
            if (matches) {
                const id = pattern.indexOf(":id") >= 0 ? rest[1] : "";
                return { methods, id, pattern: pattern.join("/") };
            }
        }
        return null;
    }
    function header(request, name) {
        const headers = request.headers || {};
        for (const key of Object.keys(headers)) {
            if (key.toLowerCase() === name) {
                const value = headers[key];
                return Array.isArray(value) ? value[0] : value;
            }
        }
        return undefined;
    }
    function handle(request) {
        try {
            // A wrong key is a 403 before any routing.
            const key = header(request, "x-api-key");
            const user = authenticate(key);
            const found = route(pathSegments(String(request.path)));
            if (!found)
                return fail$1(404);
            const method = String(request.method).toUpperCase();
            const allowed = Object.keys(found.methods);
            if (allowed.indexOf("GET") >= 0)
                allowed.push("HEAD");
            const allow = { Allow: allowed.concat("OPTIONS").join(", ") };
            if (method === "OPTIONS")
                return { status: 200, headers: allow, body: null };
            const verb = method === "HEAD" ? "GET" : method;
            const endpoint = found.methods[verb];
            if (!endpoint)
                return fail$1(405, undefined, allow);
            const ctx = { user, id: found.id, body: request.body || "" };
            const viaSession = key === undefined || key === ""; // API keys are never affected
            if (viaSession)
                requireRecentCredentials(found.pattern, verb, ctx);
            const body = endpoint(ctx);
            if (viaSession)
                hideApiKeys(found.pattern, body);
            // HEAD gets GET's answer: a transport sends its headers and drops the body.
            return { status: 200, headers: {}, body };
        }
        catch (error) {
            if (!(error instanceof HttpError))
                throw error;
            return {
                status: error.status,
                headers: error.headers,
                body: { error: error.message }
            };
        }
    }
    function state() {
        return listing(() => ({
            users: Array.from(users.values()).map(userRecord),
            groups: Array.from(groups.values()).map(groupRecord),
            permissions: Object.keys(permissions).map((key) => copy(permissions[key]))
        }));
    }
    return {
        version,
        apikey,
        handle,
        state,
        requireReauthentication: () => {
            checkedRecently = false;
        }
    };
}

// OctoPrintAccessFake: the emulator (src/emulator/) inside the page, answering jQuery's
// requests to <a client's base URL>api/access/... and .../api/login through a jQuery
// transport. jQuery does everything else as it does with a server (the jqXHR, dataType
// conversion, ajaxSend and ajaxComplete, abort), and every other request goes to the network
// as before.
const OPTIONS = [
    "apikey",
    "user",
    "version",
    "users",
    "groups",
    "latency",
    "reauthenticate",
    "jQuery",
    "OctoPrintClient"
];
// Werkzeug's reason phrases, as an XHR's statusText shows them.
const STATUS_TEXTS = {
    200: "OK",
    400: "BAD REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT FOUND",
    405: "METHOD NOT ALLOWED",
    409: "CONFLICT",
    413: "REQUEST ENTITY TOO LARGE",
    500: "INTERNAL SERVER ERROR",
    502: "BAD GATEWAY",
    503: "SERVICE UNAVAILABLE",
    504: "GATEWAY TIMEOUT"
};
/** One transport per jQuery (jQuery cannot remove one): it asks whichever fake is installed. */
const slots = new WeakMap();
let current = null; // one fake per page at a time
const page = globalThis;
/**
 * Runs `fn` in a later task, as a server's answer arrives: after `ms`, or with no delay at
 * all for 0 (a message, which browsers do not clamp to 4 ms as they do nested timeouts).
 * Returns a function that cancels it.
 */
function later(ms, fn) {
    if (ms > 0 || typeof MessageChannel === "undefined") {
        const timer = setTimeout(fn, ms);
        return () => clearTimeout(timer);
    }
    let cancelled = false;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
        channel.port1.close();
        if (!cancelled)
            fn();
    };
    channel.port2.postMessage(null);
    return () => {
        cancelled = true;
        channel.port1.close();
    };
}
function fail(message) {
    throw new Error(`OctoPrintAccessFake.install: ${message}`);
}
/**
 * The path below a client's base URL ("/api/access/...", or "/api/login") that `url`
 * addresses, or null.
 * The URL is not normalised beyond resolving it against the page: the emulator decodes the
 * path once, as OctoPrint does.
 */
function accessPath(url, bases) {
    const raw = String(url).split("#")[0];
    let origin;
    let path;
    try {
        const absolute = /^([a-z][a-z\d+.-]*:)?\/\/([^/?#]*)(.*)$/i.exec(raw);
        if (absolute) {
            origin = new URL(`${absolute[1] || location.protocol}//${absolute[2]}/`)
                .origin;
            path = absolute[3] || "/";
        }
        else if (raw.charAt(0) === "/") {
            origin = location.origin;
            path = raw;
        }
        else {
            const base = new URL(document.baseURI);
            origin = base.origin;
            path = base.pathname.replace(/[^/]*$/, "") + raw;
        }
    }
    catch (_a) {
        return null;
    }
    path = path.split("?")[0];
    for (const base of bases) {
        const rest = path.slice(base.pathname.length);
        if (base.origin === origin &&
            path.indexOf(base.pathname) === 0 &&
            /^api\/(access(\/|$)|login$)/.test(rest)) {
            return `/${rest}`;
        }
    }
    return null;
}
function validate(options) {
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
        fail("the options must be an object");
    }
    for (const key of Object.keys(options)) {
        if (OPTIONS.indexOf(key) < 0) {
            fail(`unknown option "${key}" (known: ${OPTIONS.join(", ")})`);
        }
    }
    if (options.version !== undefined && VERSIONS.indexOf(options.version) < 0) {
        fail(`version must be one of ${VERSIONS.join(", ")}, not ${String(options.version)}`);
    }
    const latency = options.latency;
    if (latency !== undefined &&
        !(typeof latency === "number" && latency >= 0 && isFinite(latency))) {
        fail(`latency must be a number of milliseconds, 0 or more, not ${String(latency)}`);
    }
    if (options.reauthenticate !== undefined &&
        typeof options.reauthenticate !== "boolean") {
        fail("reauthenticate must be true or false");
    }
    if (options.user !== undefined &&
        options.user !== null &&
        typeof options.user !== "string") {
        fail("user must be a user's name or null");
    }
}
function createFakeApi(loadedWith) {
    function install(options = {}) {
        validate(options);
        if (current)
            fail("a fake is installed already; uninstall() it first");
        const $ = options.jQuery || loadedWith || page.jQuery;
        if (!$ || typeof $.ajaxTransport !== "function") {
            fail("no jQuery: load it first, or pass it as the jQuery option");
        }
        if (typeof document === "undefined")
            fail("the fake needs a page (a document)");
        const coreOptions = {
            version: options.version,
            apikey: options.apikey,
            sessionUser: options.user === undefined ? "admin" : options.user,
            users: options.users,
            groups: options.groups,
            reauthenticate: options.reauthenticate
        };
        const make = () => {
            try {
                return createEmulator(coreOptions);
            }
            catch (error) {
                return fail(error.message.replace(/^sessionUser/, "user"));
            }
        };
        let emulator = make();
        coreOptions.apikey = emulator.apikey; // reset() keeps the key
        const latency = options.latency || 0;
        const requests = [];
        let failure = null;
        // The clients whose base URLs it answers: window.OctoPrint and every instance that
        // sends a request while it is installed (their ajax is wrapped to note them).
        const clients = [];
        const Host = options.OctoPrintClient || page.OctoPrintClient;
        const original = Host && Host.prototype && Host.prototype.ajax;
        const wrapped = original &&
            function (...args) {
                if (clients.indexOf(this) < 0)
                    clients.push(this);
                return original.apply(this, args);
            };
        if (Host && wrapped)
            Host.prototype.ajax = wrapped;
        function bases() {
            const all = page.OctoPrint ? [page.OctoPrint].concat(clients) : clients;
            const urls = [];
            for (const client of all) {
                try {
                    let base = String(client.getBaseUrl());
                    if (base.slice(-1) !== "/")
                        base += "/";
                    urls.push(new URL(base, document.baseURI));
                }
                catch (_a) {
                    // not a client after all, or a base URL that is no URL
                }
            }
            return urls;
        }
        function answer(request, path) {
            if (failure) {
                const given = failure;
                failure = null;
                return given;
            }
            try {
                return emulator.handle({
                    method: request.method,
                    path,
                    headers: request.headers,
                    body: request.body
                });
            }
            catch (error) {
                // A bug of the emulator's: answer as a server would, and say so.
                console.error(error);
                return { status: 500, headers: {}, body: { error: ERROR_TEXTS[500] } };
            }
        }
        const installed = {
            transport(settings) {
                const path = accessPath(String(settings.url), bases());
                if (path === null)
                    return undefined;
                let cancel;
                return {
                    send(headers, complete) {
                        const request = {
                            method: String(settings.type || "GET").toUpperCase(),
                            url: String(settings.url),
                            headers: Object.assign({}, headers),
                            body: typeof settings.data === "string" ? settings.data : ""
                        };
                        requests.push(request);
                        const result = answer(request, path);
                        const text = result.body === null || request.method === "HEAD"
                            ? ""
                            : JSON.stringify(result.body);
                        let head = "Content-Type: application/json\r\n";
                        for (const name of Object.keys(result.headers)) {
                            head += `${name}: ${result.headers[name]}\r\n`;
                        }
                        cancel = later(latency, () => {
                            cancel = undefined;
                            complete(result.status, (STATUS_TEXTS[result.status] ||
                                "UNKNOWN"), { text }, head);
                        });
                    },
                    abort() {
                        if (cancel)
                            cancel();
                        cancel = undefined;
                    }
                };
            }
        };
        let slot = slots.get($);
        if (!slot) {
            const created = { fake: null };
            slot = created;
            slots.set($, created);
            $.ajaxTransport("+*", (settings) => created.fake ? created.fake.transport(settings) : undefined);
        }
        slot.fake = installed;
        current = installed;
        const ownSlot = slot;
        return {
            get apikey() {
                return emulator.apikey;
            },
            get version() {
                return emulator.version;
            },
            requests,
            state: () => emulator.state(),
            failNext(status, body) {
                if (typeof status !== "number" ||
                    status % 1 !== 0 ||
                    status < 100 ||
                    status > 599) {
                    throw new Error(`failNext: status must be an HTTP status, not ${status}`);
                }
                const error = { error: ERROR_TEXTS[status] || `Error ${status}` };
                failure = {
                    status,
                    headers: {},
                    body: body === undefined
                        ? error
                        : JSON.parse(JSON.stringify(body))
                };
            },
            requireReauthentication() {
                emulator.requireReauthentication();
            },
            reset() {
                emulator = make();
                requests.length = 0;
                failure = null;
            },
            uninstall() {
                if (ownSlot.fake === installed)
                    ownSlot.fake = null;
                if (current === installed)
                    current = null;
                if (Host && wrapped && Host.prototype.ajax === wrapped) {
                    Host.prototype.ajax = original;
                }
            }
        };
    }
    return { install, createEmulator, versions: VERSIONS };
}

// dist/octoprint-access-fake.js: the body of the UMD wrapper's factory (rollup.config.mjs).
// `jQuery` is its parameter (AMD module "jquery", else the global jQuery), and `component`,
// declared by the wrapper, is what it returns: the global OctoPrintAccessFake.
component = createFakeApi(jQuery);
var component;
return component;
});
//# sourceMappingURL=octoprint-access-fake.js.map
