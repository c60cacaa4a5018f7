// OctoPrint 1.10.3's built-in state, as a stock install answers it (test/data/octoprint-1.10.3-access.json,
// its first answers): 39 permissions (the 22 core ones, then those of the bundled plugins, PLUGIN_*),
// the 4 built-in groups and the admin's groups. Data only; the rules are in emulator.ts.
import type {GroupData, PermissionData} from "./types";

export const PERMISSIONS: PermissionData[] = [
    {
        "dangerous": true,
        "default_groups": ["admins"],
        "description": "Admin is allowed to do everything",
        "key": "ADMIN",
        "name": "Admin",
        "needs": {"role": ["admin"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users", "readonly"],
        "description":
            "Allows to gather basic status information, e.g. job progress, printer state, temperatures, ... Mandatory for the default UI to work",
        "key": "STATUS",
        "name": "Status",
        "needs": {"role": ["status"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to connect to and disconnect from a printer",
        "key": "CONNECTION",
        "name": "Connection",
        "needs": {"role": ["connection"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users", "readonly"],
        "description": "Allows to watch the webcam stream",
        "key": "WEBCAM",
        "name": "Webcam",
        "needs": {"role": ["webcam"]}
    },
    {
        "dangerous": true,
        "default_groups": [],
        "description":
            "Allows to run system commands, e.g. restart OctoPrint, shutdown or reboot the system, and to retrieve system and usage information",
        "key": "SYSTEM",
        "name": "System",
        "needs": {"role": ["system"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users", "readonly"],
        "description":
            "Allows to retrieve a list of all uploaded files and folders, includingtheir metadata (e.g. date, file size, analysis results, ...)",
        "key": "FILES_LIST",
        "name": "File List",
        "needs": {"role": ["files_list"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description":
            "Allows users to upload new files, create new folders and copy existing ones. If the File Delete permission is also set, File Upload also allows moving files and folders.",
        "key": "FILES_UPLOAD",
        "name": "File Upload",
        "needs": {"role": ["files_upload"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users", "readonly"],
        "description":
            "Allows users to download files. The GCODE viewer is affected by this as well.",
        "key": "FILES_DOWNLOAD",
        "name": "File Download",
        "needs": {"role": ["files_download"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description":
            "Allows users to delete files and folders. If the File Upload permission is also set, File Delete also allows moving files and folders.",
        "key": "FILES_DELETE",
        "name": "File Delete",
        "needs": {"role": ["files_delete"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to select a file for printing",
        "key": "FILES_SELECT",
        "name": "File Select",
        "needs": {"role": ["files_select"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to start, pause and cancel a print job",
        "key": "PRINT",
        "name": "Print",
        "needs": {"role": ["print"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users", "readonly"],
        "description":
            'Allows access to the GCODE viewer if the "File Download"permission is also set.',
        "key": "GCODE_VIEWER",
        "name": "GCODE viewer",
        "needs": {"role": ["gcodeviewer"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users", "readonly"],
        "description":
            "Allows to watch the terminal tab but not to send commands to the printer from it",
        "key": "MONITOR_TERMINAL",
        "name": "Terminal",
        "needs": {"role": ["monitor_terminal"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description":
            "Allows to control of the printer by using the temperature controls,the control tab or sending commands through the terminal.",
        "key": "CONTROL",
        "name": "Control",
        "needs": {"role": ["control"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to slice files",
        "key": "SLICE",
        "name": "Slice",
        "needs": {"role": ["slice"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users", "readonly"],
        "description": "Allows to list timelapse videos",
        "key": "TIMELAPSE_LIST",
        "name": "Timelapse List",
        "needs": {"role": ["timelapse_list"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users", "readonly"],
        "description": "Allows to download timelapse videos",
        "key": "TIMELAPSE_DOWNLOAD",
        "name": "Timelapse Download",
        "needs": {"role": ["timelapse_download"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to delete timelapse videos",
        "key": "TIMELAPSE_DELETE",
        "name": "Timelapse Delete",
        "needs": {"role": ["timelapse_delete"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to list, delete and render unrendered timelapses",
        "key": "TIMELAPSE_MANAGE_UNRENDERED",
        "name": "Timelapse Manage Unrendered",
        "needs": {"role": ["timelapse_manage_unrendered"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to change the timelapse settings.",
        "key": "TIMELAPSE_ADMIN",
        "name": "Timelapse Admin",
        "needs": {"role": ["timelapse_admin"]}
    },
    {
        "dangerous": false,
        "default_groups": ["users", "readonly"],
        "description":
            "Allows to read non sensitive settings. Mandatory for the default UI to work.",
        "key": "SETTINGS_READ",
        "name": "Settings Access",
        "needs": {"role": ["settings_read"]}
    },
    {
        "dangerous": true,
        "default_groups": [],
        "description": "Allows to manage settings and also to read sensitive settings",
        "key": "SETTINGS",
        "name": "Settings Admin",
        "needs": {"role": ["settings"]}
    },
    {
        "dangerous": false,
        "default_groups": ["readonly", "users", "admins"],
        "description": "Allows to view the instance achievements & stats.",
        "key": "PLUGIN_ACHIEVEMENTS_VIEW",
        "name": "Achievements Plugin: View instance achievements & stats",
        "needs": {"role": ["plugin_achievements_view"]},
        "plugin": "achievements"
    },
    {
        "dangerous": false,
        "default_groups": ["admins"],
        "description": "Allows to reset the instance achievements & stats.",
        "key": "PLUGIN_ACHIEVEMENTS_RESET",
        "name": "Achievements Plugin: Reset instance achievements & stats",
        "needs": {"role": ["plugin_achievements_reset"]},
        "plugin": "achievements"
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to see printer notifications",
        "key": "PLUGIN_ACTION_COMMAND_NOTIFICATION_SHOW",
        "name": "Action Command Notification Support: Show printer notifications",
        "needs": {"role": ["plugin_action_command_notification_show"]},
        "plugin": "action_command_notification"
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to clear printer notifications",
        "key": "PLUGIN_ACTION_COMMAND_NOTIFICATION_CLEAR",
        "name": "Action Command Notification Support: Clear printer notifications",
        "needs": {"role": ["plugin_action_command_notification_clear"]},
        "plugin": "action_command_notification"
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to see and interact with printer prompts",
        "key": "PLUGIN_ACTION_COMMAND_PROMPT_INTERACT",
        "name": "Action Command Prompt Support: Interact with printer prompts",
        "needs": {"role": ["plugin_action_command_prompt_interact"]},
        "plugin": "action_command_prompt"
    },
    {
        "dangerous": false,
        "default_groups": ["admins"],
        "description": "Allows to read announcements",
        "key": "PLUGIN_ANNOUNCEMENTS_READ",
        "name": "Announcement Plugin: Read announcements",
        "needs": {"role": ["plugin_announcements_read"]},
        "plugin": "announcements"
    },
    {
        "dangerous": false,
        "default_groups": ["admins"],
        "description":
            'Allows to manage announcement subscriptions. Includes "Read announcements" permission',
        "key": "PLUGIN_ANNOUNCEMENTS_MANAGE",
        "name": "Announcement Plugin: Manage announcement subscriptions",
        "needs": {"role": ["plugin_announcements_read", "plugin_announcements_manage"]},
        "plugin": "announcements"
    },
    {
        "dangerous": true,
        "default_groups": ["admins"],
        "description": "Allows administrating all application keys",
        "key": "PLUGIN_APPKEYS_ADMIN",
        "name": "Application Keys Plugin: Admin access",
        "needs": {"role": ["plugin_appkeys_admin"]},
        "plugin": "appkeys"
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to grant app access",
        "key": "PLUGIN_APPKEYS_GRANT",
        "name": "Application Keys Plugin: Grant access",
        "needs": {"role": ["plugin_appkeys_user"]},
        "plugin": "appkeys"
    },
    {
        "dangerous": false,
        "default_groups": ["admins"],
        "description": "Allows to trigger the creation of backups",
        "key": "PLUGIN_BACKUP_CREATE",
        "name": "Backup & Restore: Create backup",
        "needs": {"role": ["plugin_backup_create"]},
        "plugin": "backup"
    },
    {
        "dangerous": false,
        "default_groups": ["admins"],
        "description":
            "Allows to download and delete log files and list and set log levels.",
        "key": "PLUGIN_LOGGING_MANAGE",
        "name": "Logging: Logging management",
        "needs": {"role": ["plugin_logging_manage"]},
        "plugin": "logging"
    },
    {
        "dangerous": false,
        "default_groups": ["readonly", "users", "admins"],
        "description": "Allows to list installed plugins.",
        "key": "PLUGIN_PLUGINMANAGER_LIST",
        "name": "Plugin Manager: List plugins",
        "needs": {"role": ["plugin_pluginmanager_list"]},
        "plugin": "pluginmanager"
    },
    {
        "dangerous": false,
        "default_groups": ["admins"],
        "description": "Allows to enable, disable and uninstall installed plugins.",
        "key": "PLUGIN_PLUGINMANAGER_MANAGE",
        "name": "Plugin Manager: Manage plugins",
        "needs": {"role": ["plugin_pluginmanager_manage"]},
        "plugin": "pluginmanager"
    },
    {
        "dangerous": true,
        "default_groups": ["admins"],
        "description":
            'Allows to install new plugins. Includes the "Manage plugins" permission.',
        "key": "PLUGIN_PLUGINMANAGER_INSTALL",
        "name": "Plugin Manager: Install new plugins",
        "needs": {
            "role": ["plugin_pluginmanager_install", "plugin_pluginmanager_manage"]
        },
        "plugin": "pluginmanager"
    },
    {
        "dangerous": false,
        "default_groups": ["users"],
        "description": "Allows to check for software updates",
        "key": "PLUGIN_SOFTWAREUPDATE_CHECK",
        "name": "Software Update: Check",
        "needs": {"role": ["plugin_softwareupdate_check"]},
        "plugin": "softwareupdate"
    },
    {
        "dangerous": true,
        "default_groups": ["admins"],
        "description": "Allows to perform software updates",
        "key": "PLUGIN_SOFTWAREUPDATE_UPDATE",
        "name": "Software Update: Update",
        "needs": {"role": ["plugin_softwareupdate_update"]},
        "plugin": "softwareupdate"
    },
    {
        "dangerous": true,
        "default_groups": ["admins"],
        "description": "Allows to configure software update",
        "key": "PLUGIN_SOFTWAREUPDATE_CONFIGURE",
        "name": "Software Update: Configure",
        "needs": {"role": ["plugin_softwareupdate_configure"]},
        "plugin": "softwareupdate"
    }
];

export const GROUPS: GroupData[] = [
    {
        "key": "admins",
        "name": "Admins",
        "description": "Administrators",
        "permissions": [
            "ADMIN",
            "PLUGIN_ACHIEVEMENTS_VIEW",
            "PLUGIN_ACHIEVEMENTS_RESET",
            "PLUGIN_ANNOUNCEMENTS_READ",
            "PLUGIN_ANNOUNCEMENTS_MANAGE",
            "PLUGIN_APPKEYS_ADMIN",
            "PLUGIN_BACKUP_CREATE",
            "PLUGIN_LOGGING_MANAGE",
            "PLUGIN_PLUGINMANAGER_LIST",
            "PLUGIN_PLUGINMANAGER_MANAGE",
            "PLUGIN_PLUGINMANAGER_INSTALL",
            "PLUGIN_SOFTWAREUPDATE_UPDATE",
            "PLUGIN_SOFTWAREUPDATE_CONFIGURE"
        ],
        "subgroups": [],
        "default": false,
        "removable": false,
        "changeable": false,
        "toggleable": true
    },
    {
        "key": "users",
        "name": "Operator",
        "description": "Group to gain operator access",
        "permissions": [
            "STATUS",
            "CONNECTION",
            "WEBCAM",
            "FILES_LIST",
            "FILES_UPLOAD",
            "FILES_DOWNLOAD",
            "FILES_DELETE",
            "FILES_SELECT",
            "PRINT",
            "GCODE_VIEWER",
            "MONITOR_TERMINAL",
            "CONTROL",
            "SLICE",
            "TIMELAPSE_LIST",
            "TIMELAPSE_DOWNLOAD",
            "TIMELAPSE_DELETE",
            "TIMELAPSE_MANAGE_UNRENDERED",
            "TIMELAPSE_ADMIN",
            "SETTINGS_READ",
            "PLUGIN_ACHIEVEMENTS_VIEW",
            "PLUGIN_ACTION_COMMAND_NOTIFICATION_SHOW",
            "PLUGIN_ACTION_COMMAND_NOTIFICATION_CLEAR",
            "PLUGIN_ACTION_COMMAND_PROMPT_INTERACT",
            "PLUGIN_APPKEYS_GRANT",
            "PLUGIN_PLUGINMANAGER_LIST",
            "PLUGIN_SOFTWAREUPDATE_CHECK"
        ],
        "subgroups": [],
        "default": true,
        "removable": false,
        "changeable": true,
        "toggleable": true
    },
    {
        "key": "guests",
        "name": "Guests",
        "description": "Anyone who is not currently logged in",
        "permissions": [],
        "subgroups": [],
        "default": false,
        "removable": false,
        "changeable": true,
        "toggleable": false
    },
    {
        "key": "readonly",
        "name": "Read-only Access",
        "description": "Group to gain read-only access",
        "permissions": [
            "STATUS",
            "WEBCAM",
            "FILES_LIST",
            "FILES_DOWNLOAD",
            "GCODE_VIEWER",
            "MONITOR_TERMINAL",
            "TIMELAPSE_LIST",
            "TIMELAPSE_DOWNLOAD",
            "SETTINGS_READ",
            "PLUGIN_ACHIEVEMENTS_VIEW",
            "PLUGIN_PLUGINMANAGER_LIST"
        ],
        "subgroups": [],
        "default": false,
        "removable": false,
        "changeable": false,
        "toggleable": true
    }
];

export const ADMIN_GROUPS: string[] = ["users", "admins"];
