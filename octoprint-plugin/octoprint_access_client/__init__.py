# coding=utf-8
"""OctoPrint Access Client: this project's access component on every page of an OctoPrint install.

The plugin only serves two files as ``clientjs`` assets, which OctoPrint packs after its own
client files: ``octoprint-access.min.js``, which takes over ``OctoPrint.access`` from
OctoPrint's own access.js, and ``octoprint-users.min.js``, the legacy ``OctoPrint.users``
namespace that OctoPrint 2.0 no longer has. Both are copied from the project's ``dist/`` when
the plugin archive is made (``npm run plugin``). No settings, no templates, no Python
dependencies beyond OctoPrint itself; OctoPrint 1.4 and later, 2.0 included.
"""
from __future__ import absolute_import

import io
import json
import os

import octoprint.plugin

# The files in static/js/, in the order OctoPrint loads them. The list is clientjs.json, the one
# place it is written: `npm run plugin` reads it too, to copy those files from dist/.
with io.open(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "clientjs.json"), encoding="utf-8"
) as f:
    CLIENT_JS = ["js/" + name for name in json.load(f)]


class AccessClientPlugin(octoprint.plugin.AssetPlugin):
    def get_assets(self):
        return {"clientjs": list(CLIENT_JS)}


__plugin_name__ = "Access Client"
__plugin_description__ = (
    "OctoPrint.access (permissions, users, groups) with names encoded as one path segment, "
    "and the legacy OctoPrint.users namespace back on OctoPrint 2.0"
)
__plugin_author__ = "octoprint-access-client contributors"
__plugin_license__ = "MIT"
__plugin_url__ = "https://www.npmjs.com/package/octoprint-access-client"
__plugin_pythoncompat__ = ">=2.7,<4"
__plugin_implementation__ = AccessClientPlugin()
