"""The sdist and the wheel that ``python -m build`` makes carry everything a site needs, and nothing else.

Templates, static files, translations and migrations are not Python modules:
setuptools only ships them because MANIFEST.in lists them.  A missing
template shows up first on a customer's screen, so it is checked here, on the
real archives, built the way a release is built (isolated, wheel from sdist).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from tests.conftest import need_service

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "wagtail_helpdesk"
#: Data directories inside the package whose every file must ship.
DATA_DIRS = ("templates", "static", "locale")
#: Top-level folders of the repository that must never be installed into a site.
NOT_IN_WHEEL = ("tests", "example_site", "docs", "benchmarks")
#: Local state not worth copying before a build (MANIFEST.in would leave it out anyway).
COPY_IGNORE = (
    ".git",
    ".venv",
    ".tox",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "_build",
    ".ruff_cache",
    "*.sqlite3",
)


def _source_files(subdir: str, suffix: str = "") -> set[str]:
    base = ROOT / PACKAGE / subdir
    return {
        path.relative_to(ROOT).as_posix()
        for path in base.rglob(f"*{suffix}")
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> dict[str, set[str]]:
    """Build once per module; return the file names in each archive, relative to the project root."""
    try:
        import build  # noqa: F401
    except ImportError:
        need_service("build", "python -m build is not installed (it is in the dev extra)")
    outdir = tmp_path_factory.mktemp("dist")
    # Build from a copy: setuptools writes egg-info into the tree it builds, and
    # parallel tox envs must not race on the checkout's.
    source = tmp_path_factory.mktemp("src") / "project"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*COPY_IGNORE))
    command = [sys.executable, "-m", "build", "--outdir", str(outdir), str(source)]
    if os.environ.get("HELPDESK_BUILD_NO_ISOLATION"):
        command.insert(3, "--no-isolation")  # offline: build with the setuptools installed here
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-4000:]
    [sdist] = outdir.glob("*.tar.gz")
    [wheel] = outdir.glob("*.whl")
    with tarfile.open(sdist) as tar:
        # Names look like "wagtail_helpdesk-0.1.0/wagtail_helpdesk/…": drop the first part.
        sdist_names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
        pkg_info = tar.extractfile(
            next(m for m in tar.getmembers() if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO"))
        )
        sdist_metadata = pkg_info.read().decode()
    with zipfile.ZipFile(wheel) as zipped:
        wheel_names = set(zipped.namelist())
        metadata_name = next(name for name in wheel_names if name.endswith(".dist-info/METADATA"))
        wheel_metadata = zipped.read(metadata_name).decode()
    return {
        "sdist": sdist_names,
        "wheel": wheel_names,
        "sdist_metadata": sdist_metadata,
        "wheel_metadata": wheel_metadata,
    }


@pytest.mark.parametrize("kind", ["sdist", "wheel"])
@pytest.mark.parametrize("subdir", DATA_DIRS)
def test_every_template_static_file_and_translation_ships(archives, kind, subdir):
    expected = {name for name in _source_files(subdir) if not name.endswith(".po~")}
    missing = sorted(expected - archives[kind])
    assert not missing, f"missing from the {kind}: {missing}"


@pytest.mark.parametrize("kind", ["sdist", "wheel"])
def test_the_stylesheets_and_the_acknowledgement_templates_are_inside(archives, kind):
    names = archives[kind]
    assert any(name.startswith(f"{PACKAGE}/static/") and name.endswith(".css") for name in names)
    assert f"{PACKAGE}/templates/{PACKAGE}/email/acknowledgement.txt" in names
    assert f"{PACKAGE}/templates/{PACKAGE}/email/acknowledgement_subject.txt" in names


@pytest.mark.parametrize("kind", ["sdist", "wheel"])
def test_every_migration_ships(archives, kind):
    expected = _source_files("migrations", ".py")
    assert f"{PACKAGE}/migrations/0001_initial.py" in expected
    missing = sorted(expected - archives[kind])
    assert not missing, f"migrations missing from the {kind}: {missing}"


@pytest.mark.parametrize("kind", ["sdist", "wheel"])
def test_each_translation_is_shipped_compiled(archives, kind):
    """Django reads ``.mo`` files only; a ``.po`` without its ``.mo`` is a translation nobody sees."""
    catalogues = [name for name in archives[kind] if name.startswith(f"{PACKAGE}/locale/") and name.endswith(".po")]
    missing = sorted(name[:-3] + ".mo" for name in catalogues if name[:-3] + ".mo" not in archives[kind])
    assert not missing, f"compiled catalogues missing from the {kind}: {missing}"


def test_the_wheel_installs_only_the_package(archives):
    top_level = {name.split("/", 1)[0] for name in archives["wheel"]}
    dist_info = {name for name in top_level if name.endswith(".dist-info")}
    assert top_level - dist_info == {PACKAGE}
    assert not top_level & set(NOT_IN_WHEEL)


def test_no_bytecode_databases_or_local_media_in_either_archive(archives):
    for kind in ("sdist", "wheel"):
        leaked = sorted(
            name
            for name in archives[kind]
            if name.endswith((".pyc", ".pyo", ".sqlite3"))
            or "__pycache__" in name
            or "/private-test-media/" in name
            or name.startswith(("example_site/", "benchmarks/", ".venv/", ".tox/"))
        )
        assert not leaked, f"{kind} contains {leaked}"


def test_the_sdist_carries_the_test_suite_for_packagers(archives):
    assert {"tests/settings.py", "tests/conftest.py", "setup.cfg", "pyproject.toml", "MANIFEST.in"} <= archives["sdist"]


@pytest.mark.parametrize("kind", ["sdist", "wheel"])
def test_metadata_declares_the_supported_versions(archives, kind):
    metadata = Parser().parsestr(archives[f"{kind}_metadata"])
    assert metadata["Name"] in ("wagtail-helpdesk", "wagtail_helpdesk")
    assert metadata["Requires-Python"] == ">=3.11"
    requires = " ".join(metadata.get_all("Requires-Dist") or [])
    assert "Django" in requires and "wagtail" in requires
