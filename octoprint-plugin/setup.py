# coding=utf-8
# For a pip too old for pyproject.toml's in-tree backend (pip < 20): the same package, the
# same metadata (plugin.json), built by setuptools.
import io
import json

from setuptools import setup

with io.open("plugin.json", encoding="utf-8") as f:
    meta = json.load(f)

setup(
    name=meta["name"],
    version=meta["version"],
    description=meta["summary"],
    author=meta["author"],
    license=meta["license"],
    url=meta["url"],
    python_requires=meta["requires_python"],
    packages=[meta["package"]],
    package_data={meta["package"]: ["clientjs.json", "static/js/*.js"]},
    include_package_data=True,
    zip_safe=False,
    entry_points={"octoprint.plugin": ["{} = {}".format(meta["identifier"], meta["package"])]},
)
