# One image for the API (serving the built SPA) and the worker.
FROM node:20-bookworm-slim AS build
RUN npm install --global pnpm@10 && apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# ffmpeg: video posters, ~240p renditions and audio tracks; poppler-utils: PDF thumbnails.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg poppler-utils && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app /app
EXPOSE 3000
USER node
CMD ["node", "apps/api/dist/main.js"]
