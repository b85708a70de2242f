"""Hostile YAML is refused fast, with a clear message; nothing is executed."""

from __future__ import annotations

import time

import pytest

from pricing.workload import SizingError, read_application
from pricing.workload.yamlsafe import load_documents


def _refused(text: str) -> SizingError:
    started = time.perf_counter()
    with pytest.raises(SizingError) as caught:
        load_documents(text)
    assert time.perf_counter() - started < 1
    return caught.value


def test_billion_laughs() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(8):
        name, previous = chr(98 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    assert "too large" in str(_refused("\n".join(lines)))


def test_deep_nesting() -> None:
    error = _refused("[" * 10_000 + "]" * 10_000)
    assert "nest" in str(error)
    assert "too deeply" in str(_refused("a:\n" + "".join("  " * i + "b:\n" for i in range(1, 80))))


def test_huge_scalar_is_too_large() -> None:
    error = _refused("a: " + "x" * 10_000_000)
    assert error.too_large


def test_python_tags_are_not_constructed(tmp_path: object) -> None:
    error = _refused('!!python/object/apply:os.system ["echo pwned"]')
    assert "unsupported YAML tag" in str(error)
    assert error.line == 1


def test_syntax_error_line_and_column() -> None:
    error = _refused("services:\n  api:\n    image: x\n   bad: [1\n")
    assert error.line is not None and error.column is not None
    assert "line" in str(error) and "column" in str(error)
    mapping = _refused("a: 1\n b: 2\n")
    assert (mapping.line, mapping.column) == (2, 3)


def test_recursive_alias() -> None:
    assert "contains it" in str(_refused("a: &r [*r]"))


def test_neither_compose_nor_kubernetes() -> None:
    with pytest.raises(SizingError, match="neither a Compose file"):
        read_application("just: data\n")
    with pytest.raises(SizingError, match="no YAML documents"):
        read_application("# nothing\n---\n")


def test_several_texts_are_one_application() -> None:
    first = "services:\n  api:\n    image: a\n"
    second = "services:\n  api:\n    deploy: {replicas: 3}\n  db:\n    image: b\n"
    app = read_application([first, second])
    assert {w.name: w.replicas for w in app.workloads} == {"api": 3, "db": 1}


def test_a_syntax_error_names_the_document_it_is_in() -> None:
    # It always said "document 1": the first pass over the events counted no document yet.
    text = (
        "kind: ConfigMap\nmetadata: {name: a}\n---\n"
        "kind: ConfigMap\nmetadata: {name: b}\n---\n"
        "kind: Pod\nmetadata: {name: p\n"
    )
    error = _refused(text)
    assert error.document == 2
    assert "(document 3; line 9, column 1)" in error.problems[0].message


POD_WITH_BAD_CPU = (
    "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n"
    "    image: x\n    resources: {requests: {cpu: bad}}\n"
)
CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"


def test_a_content_error_counts_empty_documents_as_helm_writes_them() -> None:
    # helm template output: empty documents and comment-only ones; the Pod is the 4th document.
    text = "# Source: a\n---\n---\n" + CONFIG_MAP + "---\n# Source: b\n---\n" + POD_WITH_BAD_CPU
    with pytest.raises(SizingError) as caught:
        read_application(text)
    assert caught.value.problems[0].message.endswith("(document 4)")
    with pytest.raises(SizingError) as caught:
        read_application([CONFIG_MAP, text])
    message = caught.value.problems[0].message
    assert message.startswith("file 2: Pod/p: ") and message.endswith("(document 4)")


@pytest.mark.parametrize(
    ("resources", "path"),
    [
        ("reservations: {cpus: many}", "services.b.deploy.resources.reservations.cpus"),
        ("limits: {cpus: many}", "services.b.deploy.resources.limits.cpus"),
        ("reservations: {memory: lots}", "services.b.deploy.resources.reservations.memory"),
    ],
)
def test_a_bad_compose_quantity_names_its_key_by_its_whole_path(resources: str, path: str) -> None:
    text = "services:\n  b:\n    image: x\n    deploy:\n      resources: {" + resources + "}\n"
    with pytest.raises(SizingError) as caught:
        read_application(text)
    assert caught.value.problems[0].message.startswith(path + ": ")
