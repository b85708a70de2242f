# syntax=docker/dockerfile:1
# The calculator's image: the wheel is built in one stage and installed, with the pinned versions
# of constraints.txt, into a virtual environment in the next. It runs as a non-root user and
# writes nothing at run time, so it runs on a read-only root filesystem with a tmpfs on /tmp.
#
#   docker build -t dockerk8s-cost:0.1.0 .
#   docker run --rm -p 8000:8000 --read-only --tmpfs /tmp dockerk8s-cost:0.1.0
#
# Settings are CALC_* environment variables (docs/DEPLOY.md); CALC_WORKERS sets the number of
# gunicorn workers (uvicorn worker class).

# Python 3.11 on Debian 12 (bookworm), slim: pinned by its exact tag and by the digest of its
# multi-architecture index (amd64 and arm64). To move to a newer patch release, take the digest
# that `docker buildx imagetools inspect python:3.11.X-slim-bookworm` prints and update both.
FROM python:3.11.16-slim-bookworm@sha256:a36c24f9cbdf4fd0f52d67f0823eeac19c2028c637cecc392d97f980d4fec56b AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore

# ---- builder: the project's wheel (code, price catalog, templates and static files) ----------
FROM base AS builder
WORKDIR /src
COPY pyproject.toml README.md ./
COPY app ./app
COPY pricing ./pricing
COPY templates ./templates
COPY static ./static
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

# ---- runtime: the wheel and its dependencies, pinned, in /opt/venv -------------------------------
FROM base AS runtime
LABEL org.opencontainers.image.title="dockerk8s-cost" \
      org.opencontainers.image.description="Docker vs Kubernetes cost calculator" \
      org.opencontainers.image.licenses="MIT"
RUN groupadd --system --gid 10001 calculator \
    && useradd --system --uid 10001 --gid calculator --no-create-home \
       --home-dir /nonexistent --shell /usr/sbin/nologin calculator
# The venv has no pip of its own: the base image's pip installs into it, and stays out of PATH.
# Bytecode is compiled here, at build time, so the read-only image never needs to write any.
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    --mount=type=bind,source=constraints.txt,target=/wheels-constraints.txt \
    python -m venv --without-pip /opt/venv \
    && python -m pip --python /opt/venv/bin/python install --no-cache-dir \
       --constraint /wheels-constraints.txt /wheels/dockerk8s_cost-*.whl \
    && /opt/venv/bin/dockerk8s-cost check
ENV PATH=/opt/venv/bin:$PATH
USER 10001:10001
EXPOSE 8000
# Liveness only: /readyz is for load balancers (Kubernetes readiness probe).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# gunicorn as PID 1: SIGTERM (docker stop, Kubernetes) stops it gracefully; give it at least
# --graceful-timeout (30 s) plus a little before the SIGKILL (compose: stop_grace_period).
CMD ["dockerk8s-cost", "serve", "--host", "0.0.0.0", "--port", "8000"]
