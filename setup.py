"""Build hook: ship the top-level ``templates/`` folder inside the package.

It lives at the top of the repository, where designers find it; an installed ``akn`` finds it
inside the package (``akn/templates``). Metadata stays in pyproject.toml. Editable installs and
source checkouts read the folder in place (see ``akn.writers.html.template_dir``).
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("templates",)


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in SHIPPED:
            if not (ROOT / name).is_dir():
                raise SystemExit(f"cannot build akn: {ROOT / name} is missing")
            shutil.copytree(ROOT / name, Path(self.build_lib) / "akn" / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithData})
