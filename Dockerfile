# Relais container image.
#
# One image, several processes; every setting comes from RELAIS_* environment variables:
#   relais serve        the API (the default command), on RELAIS_PORT (8000)
#   relais worker       the event worker, as many as you like; health and metrics on
#                       RELAIS_WORKER_PORT (8001), e.g.
#                       docker run -d -e RELAIS_DATABASE_URL=postgresql://... relais relais worker
#   relais db upgrade   applies the Alembic migrations; run it once per release, before the
#                       new `relais serve` replicas and workers start, e.g.
#                       docker run --rm -e RELAIS_DATABASE_URL=postgresql://... relais relais db upgrade
#
# The image always talks to an external PostgreSQL (RELAIS_DATABASE_URL); the embedded
# PostgreSQL of development mode (the `embedded` extra) is deliberately not installed.

# --- builder: resolve the locked dependencies into /app/.venv ---------------------------
FROM python:3.11-slim-bookworm AS builder

ARG UV_VERSION=0.13.9

# uv lives in its own venv: Debian-based Pythons refuse system-wide pip installs (PEP 668),
# and it keeps uv itself out of the application's virtualenv.
RUN python3 -m venv /opt/uv \
    && /opt/uv/bin/pip install --no-cache-dir --disable-pip-version-check "uv==${UV_VERSION}"

# Use the image's own interpreter (the runtime stage has the same one), never a downloaded
# one; copy rather than hard-link files so the venv can be copied out of this stage.
ENV UV_PYTHON_DOWNLOADS=never \
    UV_PYTHON=/usr/local/bin/python3 \
    UV_LINK_MODE=copy \
    UV_COMPILE_BYTECODE=1 \
    UV_NO_CACHE=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv

WORKDIR /app

# Dependencies first: this layer is reused until pyproject.toml or uv.lock changes.
COPY pyproject.toml uv.lock ./
RUN /opt/uv/bin/uv sync --frozen --no-dev --no-editable --no-install-project

# Then the project itself, installed as a regular (non-editable) package. Its build hook
# (hatch_build.py) puts the Alembic migrations of alembic/ inside it, as app/alembic/, so
# `relais db upgrade` finds them in the image.
COPY README.md hatch_build.py ./
COPY alembic/ ./alembic/
COPY app/ ./app/
RUN /opt/uv/bin/uv sync --frozen --no-dev --no-editable

# --- runtime: the virtualenv only, run by an unprivileged user --------------------------
FROM python:3.11-slim-bookworm

RUN groupadd --gid 10001 relais \
    && useradd --uid 10001 --gid relais --no-create-home \
       --home-dir /var/lib/relais --shell /usr/sbin/nologin relais \
    && mkdir -p /var/lib/relais \
    && chown relais:relais /var/lib/relais

WORKDIR /app

# Same path as in the builder: the venv's scripts and interpreter link point there.
COPY --from=builder /app/.venv /app/.venv

ENV PATH=/app/.venv/bin:$PATH \
    RELAIS_HOST=0.0.0.0 \
    RELAIS_DATA_DIR=/var/lib/relais \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1

USER 10001:10001

EXPOSE 8000 8001

# The slim image has no curl; Python's urllib does the probe: /healthz of the API on RELAIS_PORT or,
# when the container runs `relais worker`, of the worker on RELAIS_WORKER_PORT (app/healthcheck.py).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-m", "app.healthcheck"]

CMD ["relais", "serve"]
