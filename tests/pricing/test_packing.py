"""First-fit decreasing: feasible, every pod placed once, and close to the optimum."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pricing.workload.packing import Pod, Room, first_fit_decreasing

ROOM = Room(cpu_millicores=1000, memory_bytes=1000, pods=4)

pod_sizes = st.lists(st.tuples(st.integers(1, 1000), st.integers(1, 1000)), min_size=1, max_size=7)


def _pods(sizes: list[tuple[int, int]]) -> list[Pod]:
    return [Pod(f"p{i}", f"w{i}", cpu, memory) for i, (cpu, memory) in enumerate(sizes)]


def _optimum(pods: list[Pod], room: Room) -> int:
    """The fewest nodes, by trying every assignment (pods placed in order, symmetry cut)."""
    best = len(pods)

    def place(index: int, loads: list[tuple[int, int, int]]) -> None:
        nonlocal best
        if len(loads) >= best:
            return
        if index == len(pods):
            best = len(loads)
            return
        pod = pods[index]
        for slot, (cpu, memory, count) in enumerate(loads):
            if (
                cpu + pod.cpu_millicores <= room.cpu_millicores
                and memory + pod.memory_bytes <= room.memory_bytes
                and count < room.pods
            ):
                loads[slot] = (cpu + pod.cpu_millicores, memory + pod.memory_bytes, count + 1)
                place(index + 1, loads)
                loads[slot] = (cpu, memory, count)
        place(index + 1, [*loads, (pod.cpu_millicores, pod.memory_bytes, 1)])

    place(0, [])
    return best


@settings(max_examples=1000, deadline=None)
@given(pod_sizes)
def test_ffd_is_feasible_and_near_optimal(sizes: list[tuple[int, int]]) -> None:
    pods = _pods(sizes)
    nodes = first_fit_decreasing(pods, ROOM)
    assert nodes is not None
    placed = [pod.name for node in nodes for pod in node.pods]
    assert sorted(placed) == sorted(pod.name for pod in pods)
    for node in nodes:
        assert node.cpu_used <= ROOM.cpu_millicores and node.memory_used <= ROOM.memory_bytes
        assert len(node.pods) <= ROOM.pods
    # 11/9 OPT + 1 is proven for one resource; for two it is checked here, not a theorem.
    optimum = _optimum(pods, ROOM)
    assert len(nodes) <= optimum * 11 / 9 + 1


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 12), st.integers(1, 5))
def test_spreading_cap(replicas: int, zones: int) -> None:
    pods = [Pod(f"api-{i}", "api", 10, 10) for i in range(replicas)]
    cap = -(-replicas // min(replicas, zones))
    spread = {"api": min(replicas, zones)}
    nodes = first_fit_decreasing(pods, Room(1000, 1000, 110), {"api": cap}, spread=spread)
    assert nodes is not None
    assert all(len(node.pods) <= cap for node in nodes)
    assert len(nodes) >= min(replicas, zones)


def test_a_pod_too_big_for_an_empty_node() -> None:
    assert first_fit_decreasing([Pod("big", "big", 2000, 1)], ROOM) is None


def test_min_nodes() -> None:
    nodes = first_fit_decreasing([Pod("a", "a", 1, 1)], ROOM, min_nodes=3)
    assert nodes is not None and len(nodes) == 3
