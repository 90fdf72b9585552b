# syntax=docker/dockerfile:1
#
# peilbot in a container:
#   docker build -t peilbot .
#   docker run -d --name peilbot -e TELOXIDE_TOKEN=... -v peilbot-data:/data peilbot
#
# Nothing secret is baked in: the token comes only from the environment at run time.
# The cache mounts below need BuildKit (the default builder since Docker 23; also Podman/Buildah).

# ---- build -------------------------------------------------------------------------------------
# The project needs rustc 1.95 (edition 2024). Debian 12 here and in the runtime image, so the
# binary's glibc matches. No system libraries are needed: TLS is rustls, the chart font is embedded,
# and ring's bit of C builds with the gcc this image already has.
FROM rust:1.95-bookworm AS builder
WORKDIR /src
COPY . .
# The crates index, downloaded crates and compiled dependencies stay in BuildKit cache mounts, so a
# rebuild after a source change recompiles only peilbot itself. `--locked`: exactly Cargo.lock.
# The cached target/ is not part of the image, so the binary is copied out of it in the same step.
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    --mount=type=cache,target=/usr/local/cargo/git,sharing=locked \
    --mount=type=cache,target=/src/target,sharing=locked \
    cargo build --release --locked --bin peilbot \
    && install -D -m 0755 target/release/peilbot /out/peilbot \
    && install -d -m 0700 /out/data

# ---- run ---------------------------------------------------------------------------------------
# distroless/cc rather than debian:bookworm-slim: it holds exactly what a Rust binary linked against
# glibc needs (glibc, libgcc_s) plus CA certificates and tzdata, and no shell, package manager or
# setuid binaries, so there is much less in the image to patch or to exploit. Same Debian 12 base as
# the builder. (For a shell to debug with, use the :debug tag, or switch to bookworm-slim.)
#
# CA certificates: peilbot's HTTPS client (reqwest via teloxide, rustls) trusts the Mozilla roots
# compiled in from the webpki-roots crate and never reads the system store (Cargo.lock has
# webpki-roots, not rustls-native-certs). So the bundle in this image is not used by peilbot
# today; it is there anyway, at no cost, should that ever change.
#
# The :nonroot tag already defaults to a non-root user (65532); USER below fixes it at 10001.
# Pin the digest (cc-debian12:nonroot@sha256:...) for byte-for-byte reproducible builds.
FROM gcr.io/distroless/cc-debian12:nonroot

LABEL org.opencontainers.image.title="peilbot" \
      org.opencontainers.image.description="A Telegram bot that takes municipal staff through a digital maturity quick scan" \
      org.opencontainers.image.licenses="MIT OR Apache-2.0"

COPY --from=builder /out/peilbot /usr/local/bin/peilbot
# /data belongs to the fixed non-root user below, so a fresh named volume mounted there does too.
# With a bind mount instead, make the host folder writable for UID 10001.
COPY --from=builder --chown=10001:10001 /out/data /data

ENV PATH=/usr/local/bin:/usr/bin:/bin \
    PEILBOT_DATA=/data
# Set at run time, never here: TELOXIDE_TOKEN (required), and optionally TELOXIDE_API_URL,
# PEILBOT_ADMINS, PEILBOT_MIN_RESPONDENTS, PEILBOT_WEBHOOK_SECRET, RUST_LOG.

# A fixed numeric UID/GID with no entry in /etc/passwd: nothing needs a user name.
USER 10001:10001
VOLUME ["/data"]

# Long polling needs no port. For a webhook, run with e.g.
#   serve --webhook https://bot.example.org/tg --listen 0.0.0.0:8443   and   -p 8443:8443
# (stay above 1024: the container user has no capabilities).

# `docker stop` sends SIGTERM; peilbot then stops cleanly (every acknowledged answer is already
# on disk). It gives 10 s before SIGKILL; more with `docker stop -t 30` or `--stop-timeout`.
STOPSIGNAL SIGTERM
ENTRYPOINT ["peilbot"]
CMD ["serve"]
