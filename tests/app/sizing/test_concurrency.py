"""A large sizing runs off the event loop: the server answers other requests meanwhile."""

from __future__ import annotations

import anyio
import httpx

from app.main import create_app
from app.settings import Settings
from bench.dumps import deployment_dump


def test_a_small_request_is_answered_while_a_big_sizing_runs() -> None:
    dump = deployment_dump(1000, json=True)  # about 10 MB: a second or so of sizing
    finished: list[str] = []

    async def main() -> None:
        transport = httpx.ASGITransport(app=create_app(Settings()))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:

            async def big() -> None:
                headers = {"content-type": "application/json"}
                response = await client.post("/api/v1/size", content=dump, headers=headers)
                assert response.status_code == 200, response.text[:200]
                finished.append("sizing")

            async def small() -> None:
                await anyio.sleep(0.1)  # the sizing has started by then
                response = await client.get("/healthz")
                assert response.status_code == 200
                finished.append("healthz")

            async with anyio.create_task_group() as group:
                group.start_soon(big)
                group.start_soon(small)

    anyio.run(main)
    assert finished == ["healthz", "sizing"]
