"""Cluster dumps: kubectl's YAML and JSON read on the fast path, with the caps kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.dumps import deployment, deployment_dump
from pricing.workload import Limits, SizingError, SizingOptions, read_application
from pricing.workload.dumps import is_plain, read_fast

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sizing"
FAST = SizingOptions(limits=Limits(fast_min_bytes=0))


def shape(text: str, options: SizingOptions | None = None) -> list[tuple[object, ...]]:
    app = read_application(text, options)
    return [
        (w.name, w.kind, w.replicas, w.cpu_millicores, w.memory_bytes, w.storage_bytes)
        for w in app.workloads
    ]


def test_the_fast_path_reads_the_fixtures_as_the_safe_loader_does() -> None:
    text = (FIXTURES / "shop-manifests.yaml").read_text()
    assert read_fast(text, FAST.limits) is not None  # plain YAML: the fast path took it
    assert shape(text, FAST) == shape(text)


@pytest.mark.parametrize("json", [False, True], ids=["yaml", "json"])
def test_a_kubectl_dump_is_read_without_what_sizing_never_reads(json: bool) -> None:
    # 20 Deployments as kubectl prints them; deployment(i): 1 + i % 4 replicas,
    # 50 + 37i % 450 millicores, 64 + 53i % 960 MiB.
    text = deployment_dump(20, json=json)
    assert "managedFields" in text and "last-applied-configuration" in text
    documents = read_fast(text, FAST.limits)
    assert documents is not None
    item = documents[0][1]["items"][3]
    assert "status" not in item and set(item["metadata"]) >= {"name", "namespace"}
    assert not {"managedFields", "annotations"} & set(item["metadata"])
    expected = [
        (
            f"service-{i}",
            "Deployment",
            1 + i % 4,
            50 + (i * 37) % 450,
            (64 + (i * 53) % 960) * 2**20,
            0,
        )
        for i in range(20)
    ]
    assert shape(text, FAST) == expected
    assert deployment(3)["spec"]["replicas"] == 4  # the generator as the comment says


def test_anchors_and_tags_are_left_to_the_safe_loader() -> None:
    assert not is_plain(b"x-base: &base {cpus: 1}\nservices: {a: {<<: *base}}\n")
    assert not is_plain(b"a: !!python/object:os.system ls\n")
    assert not is_plain(b"%YAML 1.1\n---\na: 1\n")
    assert is_plain(b'command: ["sh", "-c", "a && b"]\nhost: "*.example.com"\n')


def test_deep_nesting_is_refused_on_the_fast_path() -> None:
    deep = "a: " + "[" * 65 + "]" * 65 + "\n" + "# padding\n" * 10
    with pytest.raises(SizingError, match="nested too deeply"):
        read_application(deep, FAST)
    ok = "a: " + "[" * 63 + "]" * 63 + "\n"
    assert read_fast(ok, FAST.limits) is not None


def test_more_nodes_than_the_cap_are_refused_before_any_is_built() -> None:
    options = SizingOptions(limits=Limits(fast_min_bytes=0, max_nodes=1000))
    with pytest.raises(SizingError, match="more than 1,000 nodes"):
        read_application("a: [" + "1," * 2000 + "1]\n", options)
    with pytest.raises(SizingError, match="more than 1,000 nodes"):
        read_application('{"a": [' + "1," * 2000 + "1]}", options)


def test_large_yaml_with_anchors_is_refused_naming_the_rule() -> None:
    options = SizingOptions(limits=Limits(safe_max_bytes=1024))
    text = "x-base: &base {cpus: '1'}\nservices:\n  a: {image: x, <<: *base}\n" + "#" * 2048
    with pytest.raises(SizingError, match="larger than 1,024 bytes must be plain") as raised:
        read_application(text, options)
    assert raised.value.too_large


def test_a_syntax_error_on_the_fast_path_names_line_and_column() -> None:
    text = "apiVersion: v1\nkind: List\nitems:\n- a: b: c\n"
    with pytest.raises(SizingError, match=r"not valid YAML: .*line 4, column \d+"):
        read_application(text, FAST)


def test_the_input_cap_is_named_with_its_size() -> None:
    options = SizingOptions(limits=Limits(max_bytes=2 * 1024 * 1024))
    with pytest.raises(SizingError, match=r"larger than 2,097,152 bytes \(2 MiB, the cap\)"):
        read_application("a: " + "x" * (2 * 1024 * 1024), options)
