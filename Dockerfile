# One image for the API (serving the built SPA) and the worker.
FROM node:20-bookworm-slim AS build
RUN npm install --global pnpm@10 && apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# glibc gives each thread that allocates (libuv's pool: argon2's 19 MiB per sign-in, zlib,
# file hashing) an arena of its own, up to 8 per core, and keeps their freed memory: two arenas
# kept the API's resident memory 15-20 % lower in the soak at the same load (bench/README.md).
ENV MALLOC_ARENA_MAX=2
# ffmpeg: video posters, ~240p renditions and audio tracks; poppler-utils: PDF thumbnails.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg poppler-utils && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app /app
EXPOSE 3000
USER node
CMD ["node", "apps/api/dist/main.js"]
