# Ruta's API (serving the built editor) and worker, from one image.
# Debian-based on purpose: the Temporal core bridge ships no musl (Alpine) build.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10.34.9 --no-audit --no-fund
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY platform/package.json platform/
COPY shared/package.json shared/
COPY engine/package.json engine/
COPY api/package.json api/
COPY editor/package.json editor/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile
COPY . .
# The editor's static files, the worker compiled to JavaScript (engine/dist/worker-main.mjs: no
# TypeScript loader in the worker's memory), and the workflow bundle so workers start without bundling.
RUN pnpm build && pnpm build:worker && \
    RUTA_WORKFLOW_BUNDLE_DIR=/app/.workflow-bundle node --import tsx engine/src/bundle-workflows.ts

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    RUTA_HOST=0.0.0.0 \
    RUTA_PORT=3000 \
    RUTA_WORKFLOW_BUNDLE_DIR=/app/.workflow-bundle
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.RUTA_PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The API by default; the worker service runs `node <flags> engine/dist/worker-main.mjs` instead
# (its command in docker-compose.yml, with the Node flags that keep its memory small).
CMD ["node", "--import", "tsx", "api/src/server-main.ts"]
