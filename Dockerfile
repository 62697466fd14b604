# The portal as one image: the built server and client. PostgreSQL is a separate service
# (see docker-compose.yml); with DATABASE_URL set the embedded PostgreSQL is not used.
# Node 24 LTS, the same minor as the second Node of .ci/run.
FROM node:24.22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json .npmrc ./
COPY packages/domain/package.json packages/domain/
COPY packages/graphql-schema/package.json packages/graphql-schema/
COPY server/package.json server/
COPY client/package.json client/
COPY test/package.json test/
RUN npm ci
COPY . .
RUN npx turbo run build

FROM node:24.22-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=build /app /app
RUN npm prune --omit=dev
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "server/dist/main.js"]
