# The bot in a small image: Python's slim base, installed from the hashed lock file,
# run as a user with no privileges, its data on a volume, checked by its own /healthz.
#   docker build -t feedbackbot .
#   docker compose up -d        (see compose.yaml)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_PATH=/data/feedback.sqlite3 \
    REPORTING_DATABASE_PATH=/data/reporting.sqlite3 \
    BACKUP_DIR=/data/backups \
    METRICS_PORT=9090 \
    METRICS_LISTEN=0.0.0.0 \
    LOG_FORMAT=json

WORKDIR /app
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY conversations ./conversations
COPY storage ./storage
COPY analysis ./analysis
RUN pip install --no-deps --no-build-isolation . \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin feedbackbot \
    && mkdir -p /data && chown feedbackbot /data

USER feedbackbot
VOLUME ["/data"]
# 9090: /healthz and /metrics; 8080: the web chat, when WEB_CHAT_PORT=8080 is set.
EXPOSE 9090 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:9090/healthz', timeout=4).status == 200 else 1)"]
CMD ["feedbackbot", "run"]
