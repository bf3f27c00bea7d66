"""Build hook: ship the top-level ``templates/`` folder inside the package as ``akn/templates``.

The templates live at the top of the repository, where designers find them; an installed ``akn``
finds them inside the package. Metadata stays in pyproject.toml. Editable installs and source
checkouts read ``templates/`` in place (see ``akn.writers.html.template_dir``).
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TEMPLATES = Path(__file__).resolve().parent / "templates"


class BuildPyWithTemplates(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        if not TEMPLATES.is_dir():
            raise SystemExit(f"cannot build akn: {TEMPLATES} is missing")
        shutil.copytree(TEMPLATES, Path(self.build_lib) / "akn" / "templates", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithTemplates})
