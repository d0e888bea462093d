# Production image: the standalone Next.js server, no dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN NEXT_OUTPUT=standalone npx next build

FROM node:24-bookworm-slim
WORKDIR /app
# Every interface, so the port can be published: the server then needs PLAYGROUND_ACCESS_CODE
# (or PLAYGROUND_TRUSTED_USER_HEADER) to start.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
USER node
EXPOSE 3000
HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
