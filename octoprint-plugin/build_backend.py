# coding=utf-8
"""A PEP 517 build backend made of the standard library only, so that ``pip install`` builds
this plugin with nothing to download (pyproject.toml: ``requires = []``), offline and with or
without build isolation. It builds a pure-Python wheel of the plugin package, its static files
included, with the metadata in plugin.json (to which ``npm run plugin`` adds the version).
setup.py builds the same for a pip too old for in-tree backends.
"""
from __future__ import absolute_import, unicode_literals

import base64
import hashlib
import io
import json
import os
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
TAG = "py2.py3-none-any"


def _meta():
    with io.open(os.path.join(HERE, "plugin.json"), encoding="utf-8") as f:
        meta = json.load(f)
    if not meta.get("version"):
        raise RuntimeError("plugin.json has no version: make the archive with `npm run plugin`")
    return meta


def _dist(meta):
    return "{}-{}".format(meta["name"].replace("-", "_"), meta["version"])


def _metadata(meta):
    return "\n".join(
        [
            "Metadata-Version: 2.1",
            "Name: " + meta["name"],
            "Version: " + meta["version"],
            "Summary: " + meta["summary"],
            "Home-page: " + meta["url"],
            "Author: " + meta["author"],
            "License: " + meta["license"],
            "Requires-Python: " + meta["requires_python"],
            "",
        ]
    )


def _dist_info(meta):
    """The files of the .dist-info folder but RECORD: {name: text}."""
    return {
        "METADATA": _metadata(meta),
        "WHEEL": "Wheel-Version: 1.0\nGenerator: build_backend\nRoot-Is-Purelib: true\n"
        "Tag: py2-none-any\nTag: py3-none-any\n",
        # The entry point OctoPrint finds plugins by: identifier = module.
        "entry_points.txt": "[octoprint.plugin]\n{} = {}\n".format(
            meta["identifier"], meta["package"]
        ),
        "top_level.txt": meta["package"] + "\n",
    }


def _package_files(meta):
    """The plugin package's files, as (path in the archive, path on disk), sorted."""
    root = os.path.join(HERE, meta["package"])
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(folder, name)
            found.append((os.path.relpath(path, HERE).replace(os.sep, "/"), path))
    return found


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "{},sha256={},{}".format(name, digest.decode("ascii"), len(data))


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    meta = _meta()
    info = _dist(meta) + ".dist-info"
    os.makedirs(os.path.join(metadata_directory, info))
    for name, text in _dist_info(meta).items():
        with io.open(os.path.join(metadata_directory, info, name), "w", encoding="utf-8") as f:
            f.write(text)
    return info


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    meta = _meta()
    dist = _dist(meta)
    filename = "{}-{}.whl".format(dist, TAG)
    record = []
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as whl:

        def add(name, data):
            whl.writestr(name, data)
            record.append(_record_line(name, data))

        for name, path in _package_files(meta):
            with open(path, "rb") as f:
                add(name, f.read())
        info = dist + ".dist-info/"
        for name, text in sorted(_dist_info(meta).items()):
            add(info + name, text.encode("utf-8"))
        record.append(info + "RECORD,,")
        whl.writestr(info + "RECORD", "\n".join(record) + "\n")
    return filename


def build_sdist(sdist_directory, config_settings=None):
    meta = _meta()
    dist = "{}-{}".format(meta["name"], meta["version"])
    filename = dist + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as tar:
        for name in ("pyproject.toml", "setup.py", "build_backend.py", "plugin.json"):
            tar.add(os.path.join(HERE, name), dist + "/" + name)
        for name, path in _package_files(meta):
            tar.add(path, dist + "/" + name)
        data = _metadata(meta).encode("utf-8")
        pkg_info = tarfile.TarInfo(dist + "/PKG-INFO")
        pkg_info.size = len(data)
        tar.addfile(pkg_info, io.BytesIO(data))
    return filename
