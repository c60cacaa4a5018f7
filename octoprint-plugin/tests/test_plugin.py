# coding=utf-8
"""The OctoPrint plugin, with the standard library only (OctoPrint itself is not needed):

    python3 -m unittest discover -s octoprint-plugin/tests -v

The module is imported against a small stand-in for ``octoprint.plugin``; the archive is made
with ``npm run plugin`` and installed with ``pip install --no-deps --target``, offline, and the
installed package is checked: the entry point OctoPrint finds plugins by, the version of
package.json, and the JavaScript files byte for byte as in dist/.
"""
import configparser
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import types
import unittest

sys.dont_write_bytecode = True  # no __pycache__ left in the plugin's source folder

HERE = os.path.dirname(os.path.abspath(__file__))
PLUGIN = os.path.dirname(HERE)
ROOT = os.path.dirname(PLUGIN)
DIST = os.path.join(ROOT, "dist")
PACKAGE = "octoprint_access_client"

with open(os.path.join(ROOT, "package.json")) as f:
    VERSION = json.load(f)["version"]
with open(os.path.join(PLUGIN, "plugin.json")) as f:
    META = json.load(f)
# The files the plugin serves, from the one list of them, which npm run plugin copies from dist/
# (test_get_assets_lists_the_two_files_as_clientjs states what it must be).
with open(os.path.join(PLUGIN, PACKAGE, "clientjs.json")) as f:
    CLIENT_JS = json.load(f)


class StubPlugins:
    """``octoprint`` and ``octoprint.plugin`` in sys.modules, with the mixins the plugin uses."""

    def __enter__(self):
        self.saved = {name: sys.modules.get(name) for name in ("octoprint", "octoprint.plugin")}
        octoprint = types.ModuleType("octoprint")
        plugin = types.ModuleType("octoprint.plugin")

        class Plugin(object):
            pass

        class AssetPlugin(Plugin):
            def get_assets(self):
                return {}

        plugin.Plugin = Plugin
        plugin.AssetPlugin = AssetPlugin
        octoprint.plugin = plugin
        sys.modules["octoprint"] = octoprint
        sys.modules["octoprint.plugin"] = plugin
        return plugin

    def __exit__(self, *exc):
        for name, module in self.saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def import_plugin(path):
    """The plugin module from the folder `path`, freshly imported against the stub."""
    sys.path.insert(0, path)
    try:
        sys.modules.pop(PACKAGE, None)
        return importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(path)
        sys.modules.pop(PACKAGE, None)


class PluginModule(unittest.TestCase):
    """The module as OctoPrint's plugin loader sees it."""

    def setUp(self):
        self.stub = StubPlugins()
        self.plugin = self.stub.__enter__()
        self.module = import_plugin(PLUGIN)

    def tearDown(self):
        self.stub.__exit__(None, None, None)

    def test_an_asset_plugin(self):
        implementation = self.module.__plugin_implementation__
        self.assertIsInstance(implementation, self.plugin.AssetPlugin)

    def test_get_assets_lists_the_two_files_as_clientjs(self):
        assets = self.module.__plugin_implementation__.get_assets()
        self.assertEqual(
            assets, {"clientjs": ["js/octoprint-access.min.js", "js/octoprint-users.min.js"]}
        )

    def test_the_standard_metadata(self):
        for name in ("name", "description", "author", "license", "url"):
            value = getattr(self.module, "__plugin_{}__".format(name))
            self.assertTrue(value and isinstance(value, str), name)
        self.assertEqual(self.module.__plugin_license__, META["license"])
        # OctoPrint 1.4 reads this to decide whether to load the plugin on Python 3
        self.assertEqual(self.module.__plugin_pythoncompat__, ">=2.7,<4")

    def test_no_settings_no_templates(self):
        for mixin in ("SettingsPlugin", "TemplatePlugin"):
            self.assertFalse(hasattr(self.plugin, mixin), "the stub has no " + mixin)
        self.assertEqual(
            type(self.module.__plugin_implementation__).__mro__[1:],
            self.plugin.AssetPlugin.__mro__,
        )


class Archive(unittest.TestCase):
    """`npm run plugin`, then `pip install --no-deps --target` of the archive, offline."""

    @classmethod
    def setUpClass(cls):
        npm = shutil.which("npm")
        if not npm:
            raise unittest.SkipTest("npm is not on PATH")
        out = subprocess.run(
            [npm, "run", "--silent", "plugin"],
            cwd=ROOT,
            check=True,
            stdout=subprocess.PIPE,
            universal_newlines=True,
        ).stdout
        cls.archive = os.path.join(ROOT, out.strip().splitlines()[-1])
        cls.target = tempfile.mkdtemp(prefix="octoprint-plugin-")
        subprocess.run(
            [
                sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                "--no-build-isolation", "--disable-pip-version-check",
                "--target", cls.target, cls.archive,
            ],
            check=True,
            # --target installs into a folder of its own: no system packages are touched
            env=dict(os.environ, PIP_ROOT_USER_ACTION="ignore", PIP_BREAK_SYSTEM_PACKAGES="1"),
        )
        infos = [name for name in os.listdir(cls.target) if name.endswith(".dist-info")]
        cls.info = os.path.join(cls.target, infos[0]) if len(infos) == 1 else None

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.target, ignore_errors=True)

    def test_the_archive_is_a_zip_named_after_the_version(self):
        self.assertEqual(
            os.path.basename(self.archive), "OctoPrint-AccessClient-{}.zip".format(VERSION)
        )
        self.assertEqual(
            os.path.relpath(os.path.dirname(self.archive), ROOT), os.path.join("build", "plugin")
        )

    def test_one_distribution_with_the_version_of_package_json(self):
        self.assertIsNotNone(self.info, "one .dist-info")
        parser = {}
        with open(os.path.join(self.info, "METADATA")) as f:
            for line in f:
                key, _, value = line.partition(": ")
                parser.setdefault(key, value.strip())
        self.assertEqual(parser["Name"], "OctoPrint-AccessClient")
        self.assertEqual(parser["Version"], VERSION)
        self.assertEqual(parser["License"], "MIT")

    def test_the_octoprint_plugin_entry_point(self):
        entry_points = configparser.ConfigParser()
        entry_points.read(os.path.join(self.info, "entry_points.txt"))
        self.assertEqual(dict(entry_points["octoprint.plugin"]), {"access_client": PACKAGE})

    def test_the_js_files_are_dist_s_byte_for_byte(self):
        folder = os.path.join(self.target, PACKAGE, "static", "js")
        self.assertEqual(sorted(os.listdir(folder)), sorted(CLIENT_JS))
        for name in CLIENT_JS:
            with open(os.path.join(folder, name), "rb") as a, open(
                os.path.join(DIST, name), "rb"
            ) as b:
                self.assertEqual(a.read(), b.read(), name)

    def test_the_installed_module_loads_and_lists_its_files(self):
        with StubPlugins():
            module = import_plugin(self.target)
            assets = module.__plugin_implementation__.get_assets()
        for path in assets["clientjs"]:
            self.assertTrue(
                os.path.isfile(os.path.join(self.target, PACKAGE, "static", path)), path
            )


if __name__ == "__main__":
    unittest.main()
